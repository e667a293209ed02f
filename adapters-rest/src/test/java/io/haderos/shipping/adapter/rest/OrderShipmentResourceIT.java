package io.haderos.shipping.adapter.rest;

import static io.haderos.shipping.adapter.rest.Fixtures.CREATED_AT;
import static io.haderos.shipping.adapter.rest.Fixtures.ORDER_ID;
import static io.haderos.shipping.adapter.rest.Fixtures.SHIP;
import static io.haderos.shipping.adapter.rest.Fixtures.SHIP_REQUEST;
import static io.haderos.shipping.adapter.rest.Fixtures.aramexOpenAndSmsa;
import static io.haderos.shipping.adapter.rest.Fixtures.createdByAramex;
import static io.haderos.shipping.adapter.rest.Fixtures.createdRecord;
import static io.haderos.shipping.adapter.rest.Fixtures.failed;
import static io.haderos.shipping.adapter.rest.Problems.assertProblem;
import static io.haderos.shipping.adapter.rest.RatesResourceIT.json;
import static io.haderos.shipping.adapter.rest.RestApiExtension.JSON;
import static io.haderos.shipping.adapter.rest.RestApiExtension.PROBLEM_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.haderos.shipping.adapter.rest.RestApiExtension.Reply;
import io.haderos.shipping.application.port.in.OrderConflictException;
import io.haderos.shipping.application.port.in.OrderConflictException.Reason;
import io.haderos.shipping.application.port.in.RequestRejectedException;
import io.haderos.shipping.application.port.in.ShipOrderCommand;
import io.haderos.shipping.application.port.in.ShipOrderResult;
import io.haderos.shipping.application.port.in.ShipmentOutcomeUnknownException;
import io.haderos.shipping.domain.model.Attempt;
import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.ClientId;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.Party;
import io.haderos.shipping.domain.model.ShipmentRecord;
import io.haderos.shipping.domain.model.ShipmentStatus;
import io.haderos.shipping.domain.port.out.CarrierMessage;
import io.haderos.shipping.domain.port.out.CarrierRejectedException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code POST /orders/{order_id}/ship} and {@code GET /orders/{order_id}/shipment} (docs/architecture.md#fallback-policy). */
class OrderShipmentResourceIT {

    @RegisterExtension
    static final RestApiExtension api = new RestApiExtension();

    private static final CarrierId ARAMEX = CarrierId.ARAMEX;
    private static final CarrierId SMSA = CarrierId.SMSA;

    /** {@code createdByAramex()} as the API shows it, after shipping and on every read. */
    private static final String CREATED_BY_ARAMEX = """
            {"order_id":"ORD-1001","provider":"aramex","tracking":"30123456789",
             "parcel_tracking":["30123456790","30123456791"],"fallback":false,
             "label_url":"/orders/ORD-1001/label","label_format":"pdf",
             "labels":[{"parcel":1,"format":"pdf","url":"/orders/ORD-1001/label?parcel=1"}],"status":"created",
             "attempts":[{"provider":"aramex","outcome":"success"}],
             "created_at":"2025-12-28T10:30:00Z","updated_at":"2025-12-28T10:30:02Z",
             "resolution":null}""";

    @Test
    void givenANewOrder_whenShipped_then201WithLocationAndTheShipmentJson() {
        api.fakes().onShipOrder(command -> new ShipOrderResult(createdByAramex(), false));

        Reply reply = api.postJson(SHIP, SHIP_REQUEST);

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.mediaType()).isEqualTo(JSON);
        assertThat(reply.header("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/orders/" + ORDER_ID + "/shipment"));
        assertThat(reply.header("Idempotent-Replayed")).isEmpty();
        assertThat(reply.json()).isEqualTo(json(CREATED_BY_ARAMEX));
    }

    @Test
    void givenTheSameRequestAgain_whenShipped_then200WithIdempotentReplayedAndTheStoredShipment() {
        api.fakes().onShipOrder(command -> new ShipOrderResult(createdByAramex(), true));

        Reply reply = api.postJson(SHIP, SHIP_REQUEST);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Idempotent-Replayed")).contains("true");
        assertThat(reply.header("Location")).isEmpty();
        assertThat(reply.json().get("tracking").asText()).isEqualTo("30123456789");
        assertThat(reply.json().get("status").asText()).isEqualTo("created");
    }

    @Test
    void givenSmsaServedAfterAramexFailed_whenShipped_thenFallbackIsTrueAndLabelUrlIsNullWithoutOne() {
        CreatedShipment bySmsa = new CreatedShipment(SMSA, "231200012345", List.of());
        ShipmentRecord record = createdRecord(
                SMSA,
                true,
                List.of(
                        failed(ARAMEX, AttemptOutcome.CONNECTION_REFUSED, "aramex unavailable: connection refused"),
                        Attempt.success(SMSA)));
        ShipmentRecord served = new ShipmentRecord(
                record.orderId(),
                record.requestFingerprint(),
                record.status(),
                Optional.of(bySmsa),
                true,
                record.attempts(),
                record.createdAt(),
                record.updatedAt(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        api.fakes().onShipOrder(command -> new ShipOrderResult(served, false));

        JsonNode json = api.postJson(SHIP, SHIP_REQUEST).json();

        assertThat(json.get("provider").asText()).isEqualTo("smsa");
        assertThat(json.get("fallback").booleanValue()).isTrue();
        assertThat(json.get("label_url").asText()).isEqualTo("/orders/ORD-1001/label");
        assertThat(json.get("labels")).isEmpty();
        assertThat(json.get("label_format").isNull()).isTrue();
        assertThat(json.get("parcel_tracking").isArray()).isTrue();
        assertThat(json.get("parcel_tracking")).isEmpty();
        assertThat(json.get("attempts").get(0).get("outcome").asText()).isEqualTo("connection_refused");
        assertThat(json.get("attempts").get(0).get("detail").asText()).contains("connection refused");
    }

    @Test
    void givenDesignsExampleBody_whenShipped_thenTheCommandCarriesEveryValueAndNoShipper() {
        api.fakes().onShipOrder(command -> new ShipOrderResult(createdByAramex(), false));

        api.postJson(SHIP, SHIP_REQUEST);

        ShipOrderCommand command = api.fakes().lastReceived(ShipOrderCommand.class);
        assertThat(command.orderId()).isEqualTo(OrderId.of(ORDER_ID));
        assertThat(command.shipper()).isEmpty();
        Party consignee = command.consignee();
        assertThat(consignee.name()).isEqualTo("Sara Ahmed");
        assertThat(consignee.phone()).isEqualTo("+966551112233");
        assertThat(consignee.email()).isEqualTo("sara@example.com");
        assertThat(consignee.company()).isEmpty();
        assertThat(consignee.address().country().value()).isEqualTo("SA");
        assertThat(consignee.address().city()).isEqualTo("Jeddah");
        assertThat(consignee.address().line1()).isEqualTo("Building 7, Al Olaya St");
        assertThat(consignee.address().line2()).isEqualTo("Apt 12");
        assertThat(consignee.address().postalCode()).isEqualTo("23434");
        assertThat(command.parcels()).singleElement().satisfies(parcel -> {
            assertThat(parcel.weight().kilograms()).isEqualByComparingTo("1.2");
            assertThat(parcel.dimensions()).isEmpty();
        });
        assertThat(command.description()).isEqualTo("Cotton T-shirts");
        assertThat(command.declaredValue().amount()).isEqualByComparingTo("250");
        assertThat(command.declaredValue().currency().getCurrencyCode()).isEqualTo("SAR");
        assertThat(command.cashOnDelivery().isZero()).isTrue();
        assertThat(command.service()).isEmpty();
    }

    @Test
    void givenAShipperDimensionsAndServiceButNoCod_whenShipped_thenShipperIsGivenAndCodIsZeroInTheDeclaredCurrency() {
        api.fakes().onShipOrder(command -> new ShipOrderResult(createdByAramex(), false));
        String body = JsonEdit.set(
                JsonEdit.set(
                        JsonEdit.set(
                                JsonEdit.remove(
                                        JsonEdit.set(SHIP_REQUEST, "declared_value.currency", "\"AED\""), "cod"),
                                "shipper",
                                """
                        {"name":"HaderOS Store","company":"HaderOS","phone":"+971500000000",
                         "address":{"country":"AE","city":"Dubai","line1":"Warehouse 3"}}"""),
                        "parcels[0].dimensions_cm",
                        "{\"length\":30,\"width\":20,\"height\":10}"),
                "service",
                "\"PPX\"");

        Reply reply = api.postJson(SHIP, body);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        ShipOrderCommand command = api.fakes().lastReceived(ShipOrderCommand.class);
        assertThat(command.shipper()).hasValueSatisfying(shipper -> {
            assertThat(shipper.name()).isEqualTo("HaderOS Store");
            assertThat(shipper.company()).isEqualTo("HaderOS");
            assertThat(shipper.email()).isEmpty();
            assertThat(shipper.address().country().value()).isEqualTo("AE");
        });
        assertThat(command.cashOnDelivery().isZero()).isTrue();
        assertThat(command.cashOnDelivery().currency().getCurrencyCode()).isEqualTo("AED");
        assertThat(command.parcels().get(0).dimensions())
                .hasValueSatisfying(d -> assertThat(d.heightCm()).isEqualByComparingTo("10"));
        assertThat(command.service()).contains("PPX");
    }

    @Test
    void givenACodAmount_whenShipped_thenTheCommandCarriesIt() {
        api.fakes().onShipOrder(command -> new ShipOrderResult(createdByAramex(), false));

        api.postJson(SHIP, JsonEdit.set(SHIP_REQUEST, "cod.amount", "\"99.5\""));

        assertThat(api.fakes()
                        .lastReceived(ShipOrderCommand.class)
                        .cashOnDelivery()
                        .formattedAmount())
                .isEqualTo("99.50");
    }

    @ParameterizedTest
    @EnumSource(Reason.class)
    void givenTheOrderIsInConflict_whenShipped_then409ProblemWithTheReason(Reason reason) {
        api.fakes().onShipOrder(command -> {
            throw new OrderConflictException(command.orderId(), reason);
        });

        Reply reply = api.postJson(SHIP, SHIP_REQUEST);

        JsonNode problem = assertProblem(reply, 409, "order-conflict");
        assertThat(problem.get("reason").asText()).isEqualTo(reason.name().toLowerCase(Locale.ROOT));
        assertThat(problem.get("order_id").asText()).isEqualTo(ORDER_ID);
        assertThat(problem.get("detail").asText()).contains(ORDER_ID);
    }

    @Test
    void givenTheCarrierTimedOutAfterSending_whenShipped_then502ProblemWithTheAttempts() {
        api.fakes().onShipOrder(command -> {
            throw new ShipmentOutcomeUnknownException(
                    command.orderId(),
                    ARAMEX,
                    List.of(failed(ARAMEX, AttemptOutcome.TIMEOUT, "aramex unavailable: no answer within 10 s")));
        });

        Reply reply = api.postJson(SHIP, SHIP_REQUEST);

        JsonNode problem = assertProblem(reply, 502, "shipment-outcome-unknown");
        assertThat(problem.get("order_id").asText()).isEqualTo(ORDER_ID);
        assertThat(problem.get("provider").asText()).isEqualTo("aramex");
        assertThat(problem.get("attempts")).isEqualTo(json("""
                [{"provider":"aramex","outcome":"timeout","detail":"aramex unavailable: no answer within 10 s"}]"""));
    }

    @Test
    void givenTheCarrierRejectsTheConsignee_whenShipped_then422ProblemWithTheCarriersMessages() {
        CarrierRejectedException rejection = new CarrierRejectedException(
                SMSA, List.of(new CarrierMessage("ConsigneeAddress.City", "City is not served")));
        api.fakes().onShipOrder(command -> {
            throw new RequestRejectedException(
                    rejection,
                    List.of(
                            failed(ARAMEX, AttemptOutcome.CIRCUIT_OPEN, "circuit open"),
                            failed(SMSA, AttemptOutcome.REJECTED, rejection.getMessage())));
        });

        Reply reply = api.postJson(SHIP, SHIP_REQUEST);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.mediaType()).isEqualTo(PROBLEM_JSON);
        JsonNode problem = reply.json();
        assertThat(problem.get("provider").asText()).isEqualTo("smsa");
        assertThat(problem.get("errors")).isEqualTo(json("""
                [{"code":"ConsigneeAddress.City","message":"City is not served"}]"""));
        assertThat(problem.get("attempts").findValuesAsText("outcome")).containsExactly("circuit_open", "rejected");
    }

    @Test
    void givenNoCarrierCanServe_whenShipped_then503WithRetryAfter() {
        api.fakes().onShipOrder(command -> {
            throw aramexOpenAndSmsa(AttemptOutcome.SERVICE_UNAVAILABLE, "HTTP 503", Duration.ofSeconds(90));
        });

        Reply reply = api.postJson(SHIP, SHIP_REQUEST);

        assertProblem(reply, 503, "no-carrier-available");
        assertThat(reply.header("Retry-After")).contains("90");
        assertThat(reply.json().get("attempts").findValuesAsText("provider")).containsExactly("aramex", "smsa");
    }

    @Test
    void givenAnOrderWhosePersonalDataWasErased_whenItsRequestIsSentAgain_then200ReplayedSayingSo() {
        ShipmentRecord erased = new ShipmentRecord(
                OrderId.of(ORDER_ID),
                "fingerprint",
                ShipmentStatus.CREATED,
                Optional.of(new CreatedShipment(CarrierId.SMSA, "290019283746", List.of())),
                true,
                List.of(
                        failed(CarrierId.ARAMEX, AttemptOutcome.SERVICE_UNAVAILABLE, ""),
                        Attempt.success(CarrierId.SMSA)),
                CREATED_AT,
                CREATED_AT.plusSeconds(2),
                Optional.empty(),
                Optional.empty(),
                Optional.of(CREATED_AT.plus(Duration.ofDays(91))));
        api.fakes().onShipOrder(command -> new ShipOrderResult(erased, true));

        Reply reply = api.postJson(SHIP, SHIP_REQUEST);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Idempotent-Replayed")).contains("true");
        assertThat(reply.json()).isEqualTo(json("""
                {"order_id":"ORD-1001","provider":"smsa","tracking":"290019283746","parcel_tracking":[],
                 "fallback":true,"label_url":null,"label_format":null,"labels":[],"status":"created",
                 "attempts":[{"provider":"aramex","outcome":"service_unavailable"},{"provider":"smsa","outcome":"success"}],
                 "created_at":"2025-12-28T10:30:00Z","updated_at":"2025-12-28T10:30:02Z",
                 "resolution":null,"personal_data_erased_at":"2026-03-29T10:30:00Z"}"""));
    }

    @Test
    void givenACreatedShipment_whenFetched_thenTheStoredRecordIsReturned() {
        api.fakes().onFindShipment(orderId -> Optional.of(createdByAramex()));

        Reply reply = api.get("/orders/" + ORDER_ID + "/shipment");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.mediaType()).isEqualTo(JSON);
        assertThat(reply.json()).isEqualTo(json(CREATED_BY_ARAMEX));
        assertThat(api.fakes().lastReceived(OrderId.class)).isEqualTo(OrderId.of(ORDER_ID));
    }

    @Test
    void givenAnOrderBeingShipped_whenFetched_thenStatusInProgressWithNullProviderAndTracking() {
        api.fakes()
                .onFindShipment(orderId ->
                        Optional.of(ShipmentRecord.inProgress(orderId, ClientId.ANONYMOUS, "f", CREATED_AT)));

        JsonNode json = api.get("/orders/" + ORDER_ID + "/shipment").json();

        assertThat(json.get("status").asText()).isEqualTo("in_progress");
        assertThat(json.get("provider").isNull()).isTrue();
        assertThat(json.get("tracking").isNull()).isTrue();
        assertThat(json.get("label_url").isNull()).isTrue();
        assertThat(json.get("labels")).isEmpty();
        assertThat(json.get("parcel_tracking")).isEmpty();
        assertThat(json.get("attempts")).isEmpty();
        assertThat(json.get("created_at").asText()).isEqualTo("2025-12-28T10:30:00Z");
    }

    @Test
    void givenAnOrderHeldWithAnUnknownOutcome_whenFetched_thenStatusOutcomeUnknownWithTheAttempts() {
        ShipmentRecord held = ShipmentRecord.inProgress(OrderId.of(ORDER_ID), ClientId.ANONYMOUS, "f", CREATED_AT)
                .outcomeUnknown(List.of(failed(ARAMEX, AttemptOutcome.SERVER_ERROR, "HTTP 500")), CREATED_AT);
        api.fakes().onFindShipment(orderId -> Optional.of(held));

        JsonNode json = api.get("/orders/" + ORDER_ID + "/shipment").json();

        assertThat(held.status()).isEqualTo(ShipmentStatus.OUTCOME_UNKNOWN);
        assertThat(json.get("status").asText()).isEqualTo("outcome_unknown");
        assertThat(json.get("provider").isNull()).isTrue();
        assertThat(json.get("attempts")).isEqualTo(json("""
                [{"provider":"aramex","outcome":"server_error","detail":"HTTP 500"}]"""));
    }

    @Test
    void givenNoShipmentStored_whenFetched_then404Problem() {
        api.fakes().onFindShipment(orderId -> Optional.empty());

        Reply reply = api.get("/orders/" + ORDER_ID + "/shipment");

        assertProblem(reply, 404, "shipment-not-found");
        assertThat(reply.json().get("order_id").asText()).isEqualTo(ORDER_ID);
    }

    @Test
    void givenAMalformedOrderId_whenFetched_then400NamesOrderIdWithoutAskingTheStore() {
        Reply reply = api.get("/orders/bad%20id/shipment");

        Problems.assertInvalid(reply, "order_id");
        assertThat(api.fakes().received()).isEmpty();
    }
}
