package io.haderos.shipping.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.haderos.shipping.application.port.in.OrderConflictException;
import io.haderos.shipping.application.port.in.OrderNotFoundException;
import io.haderos.shipping.application.port.in.ResolveShipmentCommand;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.ShipmentRecord;
import io.haderos.shipping.domain.model.ShipmentResolution;
import io.haderos.shipping.domain.model.ShipmentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /orders/{order_id}/shipment/resolution}: operators only, validated, 404/409 as the use case says. */
class ShipmentResolutionIT {

    private static final String PATH = "/orders/ORD-42/shipment/resolution";
    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

    @RegisterExtension
    static final RestApiExtension api = RestApiExtension.forOperators();

    private static ShipmentRecord resolved(ResolveShipmentCommand command) {
        Optional<CreatedShipment> found = command.trackingNumber()
                .map(tracking -> new CreatedShipment(command.carrier().orElse(CarrierId.ARAMEX), tracking, List.of()));
        ShipmentResolution resolution = new ShipmentResolution(found, command.actor(), command.note(), AT);
        return new ShipmentRecord(
                command.orderId(),
                "fp",
                found.isPresent() ? ShipmentStatus.CREATED : ShipmentStatus.NOT_CREATED,
                found,
                false,
                List.of(),
                AT,
                AT,
                Optional.of(resolution),
                Optional.empty(),
                Optional.empty());
    }

    @Test
    void theOperatorRecordsTheShipmentFoundAtTheCarrier() throws Exception {
        api.fakes().onResolve(ShipmentResolutionIT::resolved);

        RestApiExtension.Reply response = api.asAdmin(
                "POST",
                PATH,
                "{\"outcome\":\"created\",\"tracking\":\"30123456789\",\"reason\":\"seen in the portal\","
                        + "\"actor\":\"nora\"}");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("status").asText()).isEqualTo("created");
        assertThat(body.path("tracking").asText()).isEqualTo("30123456789");
        assertThat(body.path("resolution").path("outcome").asText()).isEqualTo("created");
        assertThat(body.path("resolution").path("actor").asText()).isEqualTo("nora");
        assertThat(body.path("resolution").path("reason").asText()).isEqualTo("seen in the portal");
        ResolveShipmentCommand command = api.fakes().lastReceived(ResolveShipmentCommand.class);
        assertThat(command.orderId()).isEqualTo(OrderId.of("ORD-42"));
        assertThat(command.carrier()).isEmpty();
    }

    @Test
    void notCreatedFreesTheOrderAndTheActorDefaults() throws Exception {
        api.fakes().onResolve(ShipmentResolutionIT::resolved);

        RestApiExtension.Reply response = api.asAdmin("POST", PATH, "{\"outcome\":\"not_created\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("status").asText()).isEqualTo("not_created");
        assertThat(api.fakes().lastReceived(ResolveShipmentCommand.class).actor())
                .isEqualTo("operator");
    }

    @Test
    void withoutTheRightTokenNothingIsResolved() throws Exception {
        assertThat(api.postJson(PATH, "{\"outcome\":\"not_created\"}").status()).isEqualTo(401);
        assertThat(api.sendWithToken("wrong-token-wrong-token", "POST", PATH, "{\"outcome\":\"not_created\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.fakes().received()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{}                                                         | outcome",
                "{\"outcome\":\"lost\"}                                      | outcome",
                "{\"outcome\":\"created\"}                                   | tracking",
                "{\"outcome\":\"created\",\"tracking\":\"  \"}               | tracking",
                "{\"outcome\":\"created\",\"tracking\":\"1\",\"provider\":\"Fed Ex\"} | provider",
                "{\"outcome\":\"not_created\",\"tracking\":\"301\"}          | tracking",
                "{\"outcome\":\"created\",\"tracking\":\"1\",\"actor\":\"\"} | actor",
            })
    void badInputIsA400NamingTheField(String body, String field) throws Exception {
        RestApiExtension.Reply response = api.asAdmin("POST", PATH, body);

        Problems.assertInvalid(response, field);
        assertThat(api.fakes().received()).isEmpty();
    }

    @Test
    void anUnknownOrderIs404AndAnOrderNotHeldIs409() throws Exception {
        api.fakes().onResolve(command -> {
            throw new OrderNotFoundException(command.orderId());
        });
        assertThat(api.asAdmin("POST", PATH, "{\"outcome\":\"not_created\"}").status())
                .isEqualTo(404);

        api.fakes().onResolve(command -> {
            throw new OrderConflictException(command.orderId(), OrderConflictException.Reason.NOT_AWAITING_RESOLUTION);
        });
        RestApiExtension.Reply conflict = api.asAdmin("POST", PATH, "{\"outcome\":\"not_created\"}");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().path("reason").asText()).isEqualTo("not_awaiting_resolution");
    }
}
