package io.haderos.shipping.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With {@code LOGGING_FORMAT=json} the jar writes one JSON object per line, and a request's id (the client's
 * {@code X-Request-Id}, or one the gateway makes) comes back in the response and travels into the lines about the
 * request, its carrier call included.
 */
class JsonLogsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyLineIsOneObject_andTheRequestIdFollowsTheOrderIntoItsCarrierCall() throws Exception {
        String log;
        HttpResponse<String> shipped;
        HttpResponse<String> unnamed;
        HttpResponse<String> malformed;
        try (GatewayProcess gateway = GatewayProcess.start("json-logs", Map.of("LOGGING_FORMAT", "json"))) {
            shipped = gateway.postWithRequestId("/orders/ORD-JSON-1/ship", GatewayIT.shipment(1.0), "trace-4711");
            unnamed = gateway.post("/orders/ORD-JSON-2/ship", GatewayIT.shipment(1.0));
            malformed = gateway.postWithRequestId("/orders/ORD-JSON-3/ship", "{", "not a valid id");
            gateway.close(); // the last lines are written on the way out
            log = gateway.log();
        }

        assertThat(shipped.statusCode()).isEqualTo(201);
        assertThat(shipped.headers().firstValue("X-Request-Id")).contains("trace-4711");
        assertThat(unnamed.headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(
                        id -> assertThat(id).isNotEqualTo("not a valid id").matches("[0-9a-f-]{36}"));

        List<JsonNode> lines = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (!line.isBlank()) {
                JsonNode object = JSON.readTree(line);
                assertThat(object.isObject())
                        .as("one object per line: %s", line)
                        .isTrue();
                assertThat(object.fieldNames()).toIterable().contains("timestamp", "level", "logger", "message");
                lines.add(object);
            }
        }
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("message").asText()).contains("listening on");
        });
        assertThat(lines).as("the carrier call of the traced request").anySatisfy(line -> {
            assertThat(line.path("request_id").asText()).isEqualTo("trace-4711");
            assertThat(line.path("order_id").asText()).isEqualTo("ORD-JSON-1");
            assertThat(line.path("carrier").asText()).isEqualTo("aramex");
            assertThat(line.path("operation").asText()).isEqualTo("create_shipment");
            assertThat(line.path("outcome").asText()).isEqualTo("success");
        });
        assertThat(lines).as("the traced request's summary").anySatisfy(line -> {
            assertThat(line.path("request_id").asText()).isEqualTo("trace-4711");
            assertThat(line.path("message").asText())
                    .isEqualTo(line.path("message").asText())
                    .startsWith("POST /orders/ORD-JSON-1/ship 201");
        });
        assertThat(lines)
                .as("a line about one request carries no other request's id")
                .noneSatisfy(line -> {
                    assertThat(line.path("order_id").asText()).isEqualTo("ORD-JSON-1");
                    assertThat(line.path("request_id").asText()).isNotEqualTo("trace-4711");
                });
    }
}
