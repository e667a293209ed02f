package io.haderos.shipping.adapter.rest;

import static io.haderos.shipping.adapter.rest.Fixtures.failed;
import static io.haderos.shipping.adapter.rest.Problems.assertProblem;
import static io.haderos.shipping.adapter.rest.RatesResourceIT.json;
import static io.haderos.shipping.adapter.rest.RestApiExtension.JSON;
import static io.haderos.shipping.adapter.rest.RestApiExtension.PROBLEM_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.haderos.shipping.adapter.rest.RestApiExtension.Reply;
import io.haderos.shipping.application.port.in.NoCarrierAvailableException;
import io.haderos.shipping.application.port.in.UnknownCarrierException;
import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.ShipmentTracking;
import io.haderos.shipping.domain.model.TrackingEvent;
import io.haderos.shipping.domain.port.out.CarrierMessage;
import io.haderos.shipping.domain.port.out.CarrierRejectedException;
import io.haderos.shipping.domain.port.out.TrackingNumberNotFoundException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /api/v1/shipments/{provider}/{tracking}}. */
class ShipmentTrackingResourceIT {

    @RegisterExtension
    static final RestApiExtension api = new RestApiExtension();

    private static final String PATH = "/api/v1/shipments/aramex/30123456789";

    @Test
    void givenAKnownShipment_whenTracked_thenEventsNewestFirstWithIsoTimesAndOffsets() {
        api.fakes()
                .onTrack((carrier, tracking) -> new ShipmentTracking(
                        carrier,
                        tracking,
                        true,
                        List.of(
                                new TrackingEvent(
                                        "SH005",
                                        "Shipment picked up",
                                        "Riyadh",
                                        OffsetDateTime.parse("2025-01-01T16:40:30+03:00")),
                                new TrackingEvent(
                                        "SH014",
                                        "Delivered",
                                        "Dubai",
                                        OffsetDateTime.parse("2025-01-02T09:15:00+04:00")),
                                new TrackingEvent("", "", "", OffsetDateTime.parse("2024-12-31T23:00:00.250Z")))));

        Reply reply = api.get(PATH);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.mediaType()).isEqualTo(JSON);
        assertThat(reply.json()).isEqualTo(json("""
                {"provider":"aramex","tracking":"30123456789","delivered":true,"events":[
                  {"code":"SH014","description":"Delivered","location":"Dubai","time":"2025-01-02T09:15:00+04:00"},
                  {"code":"SH005","description":"Shipment picked up","location":"Riyadh","time":"2025-01-01T16:40:30+03:00"},
                  {"code":null,"description":null,"location":null,"time":"2024-12-31T23:00:00.25Z"}]}"""));
        assertThat(api.fakes().lastReceived(CarrierId.class)).isEqualTo(CarrierId.ARAMEX);
        assertThat(api.fakes().lastReceived(String.class)).isEqualTo("30123456789");
    }

    @Test
    void givenAShipmentWithoutEvents_whenTracked_thenAnEmptyListAndNotDelivered() {
        api.fakes().onTrack((carrier, tracking) -> new ShipmentTracking(carrier, tracking, false, List.of()));

        JsonNode json = api.get("/api/v1/shipments/smsa/231200012345").json();

        assertThat(json.get("provider").asText()).isEqualTo("smsa");
        assertThat(json.get("delivered").booleanValue()).isFalse();
        assertThat(json.get("events").isArray()).isTrue();
        assertThat(json.get("events")).isEmpty();
    }

    @Test
    void givenAnUnconfiguredCarrier_whenTracked_then404UnknownCarrier() {
        api.fakes().onTrack((carrier, tracking) -> {
            throw new UnknownCarrierException(carrier.value());
        });

        Reply reply = api.get("/api/v1/shipments/dhl/123");

        assertProblem(reply, 404, "unknown-carrier");
        assertThat(reply.json().get("detail").asText()).contains("dhl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ARAMEX", "no_such", "1carrier", "x.y"})
    void givenANameThatCannotBeACarrier_whenTracked_then404UnknownCarrierWithoutAskingTheUseCase(String provider) {
        Reply reply = api.get("/api/v1/shipments/" + provider + "/123");

        assertProblem(reply, 404, "unknown-carrier");
        assertThat(api.fakes().received()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "aramex;x=1/30123456789",
                "%20/30123456789",
                "aram%65x/30123456789",
                "aramex/30123456789;v=2",
                "aramex/3012%203456",
                "aramex/%3B"
            })
    void givenAPathParameterWithCharactersOutsideItsAlphabet_whenTracked_then400NamingItWithoutAskingTheUseCase(
            String path) {
        Reply reply = api.get("/api/v1/shipments/" + path);

        Problems.assertInvalid(reply, path.startsWith("aramex/") ? "tracking" : "provider");
        assertThat(api.fakes().received()).isEmpty();
    }

    @Test
    void givenATrackingNumberTheCarrierDoesNotKnow_whenTracked_then404TrackingNotFound() {
        api.fakes().onTrack((carrier, tracking) -> {
            throw new TrackingNumberNotFoundException(carrier, tracking);
        });

        Reply reply = api.get("/api/v1/shipments/aramex/99999");

        JsonNode problem = assertProblem(reply, 404, "tracking-not-found");
        assertThat(problem.get("provider").asText()).isEqualTo("aramex");
        assertThat(problem.get("tracking").asText()).isEqualTo("99999");
    }

    @Test
    void givenTheCarrierRejectsTheTrackingNumber_whenTracked_then422WithTheCarriersMessage() {
        api.fakes().onTrack((carrier, tracking) -> {
            throw new CarrierRejectedException(carrier, List.of(new CarrierMessage("E1", "Invalid waybill format")));
        });

        Reply reply = api.get(PATH);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.mediaType()).isEqualTo(PROBLEM_JSON);
        assertThat(reply.json().get("errors"))
                .isEqualTo(json("[{\"code\":\"E1\",\"message\":\"Invalid waybill format\"}]"));
    }

    @Test
    void givenAnOverlongTrackingNumber_whenTracked_then400NamesTracking() {
        Reply reply = api.get("/api/v1/shipments/aramex/" + "9".repeat(65));

        Problems.assertInvalid(reply, "tracking");
        assertThat(api.fakes().received()).isEmpty();
    }

    @Test
    void givenTheCarriersBreakerIsOpen_whenTracked_then503WithRetryAfter() {
        api.fakes().onTrack((carrier, tracking) -> {
            throw new NoCarrierAvailableException(
                    List.of(failed(carrier, AttemptOutcome.CIRCUIT_OPEN, "open")), Optional.of(Duration.ofSeconds(30)));
        });

        Reply reply = api.get(PATH);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.header("Retry-After")).contains("30");
        assertThat(reply.mediaType()).isEqualTo(PROBLEM_JSON);
    }
}
