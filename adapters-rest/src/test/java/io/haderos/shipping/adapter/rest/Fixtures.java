package io.haderos.shipping.adapter.rest;

import io.haderos.shipping.application.port.in.NoCarrierAvailableException;
import io.haderos.shipping.application.port.in.RateQuotation;
import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.model.Attempt;
import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.Label;
import io.haderos.shipping.domain.model.LabelFormat;
import io.haderos.shipping.domain.model.Money;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.RateQuote;
import io.haderos.shipping.domain.model.ShipmentRecord;
import io.haderos.shipping.domain.model.ShipmentStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Sample requests and domain values shared by the tests. */
final class Fixtures {

    static final String RATES = "/api/v1/integrations/shipping/rates";
    static final String MONITORING = "/api/v1/integrations/monitoring/circuit-breakers";
    static final String ORDER_ID = "ORD-1001";
    static final String SHIP = "/orders/" + ORDER_ID + "/ship";

    static final String RATE_REQUEST = """
            {"origin":{"country":"SA","city":"Riyadh"},"destination":{"country":"AE","city":"Dubai"},"weight_kg":1.5}
            """;

    /** docs/architecture.md#rest-contract example. */
    static final String SHIP_REQUEST = """
            {"consignee":{"name":"Sara Ahmed","phone":"+966551112233","email":"sara@example.com",
               "address":{"country":"SA","city":"Jeddah","line1":"Building 7, Al Olaya St","line2":"Apt 12","postal_code":"23434"}},
             "parcels":[{"weight_kg":1.2}],"description":"Cotton T-shirts",
             "declared_value":{"amount":"250.00","currency":"SAR"},"cod":{"amount":"0","currency":"SAR"}}
            """;

    static final Instant CREATED_AT = Instant.parse("2025-12-28T10:30:00Z");

    private Fixtures() {}

    static ShipmentRecord createdRecord(CarrierId carrier, boolean fallback, List<Attempt> attempts) {
        CreatedShipment shipment = new CreatedShipment(
                carrier,
                "30123456789",
                List.of("30123456790", "30123456791"),
                List.of(Label.of(1, LabelFormat.PDF, "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))));
        return new ShipmentRecord(
                OrderId.of(ORDER_ID),
                "fingerprint",
                ShipmentStatus.CREATED,
                Optional.of(shipment),
                fallback,
                attempts,
                CREATED_AT,
                CREATED_AT.plusSeconds(2),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    static ShipmentRecord createdByAramex() {
        return createdRecord(CarrierId.ARAMEX, false, List.of(Attempt.success(CarrierId.ARAMEX)));
    }

    /** Aramex answers with one rate, PPX at 187.45 SAR: the rates example of docs/architecture.md. */
    static RateQuotation quotedByAramex() {
        return new RateQuotation(
                CarrierId.ARAMEX,
                false,
                List.of(new RateQuote(CarrierId.ARAMEX, "PPX", Money.of("187.45", "SAR"))),
                List.of(Attempt.success(CarrierId.ARAMEX)));
    }

    static Attempt failed(CarrierId carrier, AttemptOutcome outcome, String detail) {
        return new Attempt(carrier, outcome, detail);
    }

    /**
     * No carrier can serve: Aramex's breaker is open, and SMSA failed with {@code outcome} and {@code detail}; a
     * breaker says to retry after {@code retryAfter}.
     */
    static NoCarrierAvailableException aramexOpenAndSmsa(AttemptOutcome outcome, String detail, Duration retryAfter) {
        return new NoCarrierAvailableException(
                List.of(
                        failed(CarrierId.ARAMEX, AttemptOutcome.CIRCUIT_OPEN, "circuit open"),
                        failed(CarrierId.SMSA, outcome, detail)),
                Optional.of(retryAfter));
    }

    static CircuitSnapshot snapshot(
            CarrierId carrier,
            CircuitState state,
            int failures,
            int successes,
            Optional<Instant> lastFailure,
            Instant stateSince,
            Instant takenAt) {
        return new CircuitSnapshot(
                carrier,
                state,
                failures,
                successes,
                lastFailure,
                stateSince,
                Duration.ofSeconds(120),
                takenAt,
                Optional.empty(),
                Optional.empty());
    }
}
