package io.haderos.shipping.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A held order end to end, against the jar and the sandbox: Aramex creates the shipment but its reply comes after the
 * gateway gave up (fault {@code slow} beyond {@code aramex.timeout}), so the order is held. It is listed for operators,
 * counted in the metrics and the monitoring report, and alerted on; once Aramex answers look-ups again, the reconciler
 * finds the shipment by the order's reference and resolves it created, and it leaves the list, the metric and the
 * alert. The reconciler runs every second and an order alerts as soon as it is held, so nothing waits long.
 */
class HeldOrdersReconcilerIT {

    private static final String ADMIN = "held-orders-admin-token-0123456789abcdef";
    private static final String ORDER = "ORD-HELD-1";
    private static final String HELD = "/orders?status=outcome_unknown";
    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    @AutoClose
    private static GatewayProcess gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = GatewayProcess.start(
                "held-orders",
                Map.of(
                        "ADMIN_TOKEN", ADMIN,
                        "ARAMEX_TIMEOUT", "1",
                        // The timed-out creation and the failing look-ups must not open the breaker: the reconciler
                        // would then skip Aramex, which is another test's subject.
                        "CIRCUIT_BREAKER_FAILURE_THRESHOLD", "100",
                        "ORDERS_RECONCILE_INTERVAL", "1",
                        "ORDERS_HELD_ALERT_AGE", "0"));
    }

    @Test
    void anOrderHeldAfterALostReplyIsListedCountedAndAlerted_untilTheReconcilerFindsItByReference() throws Exception {
        int created = gateway.stats("aramex").path("shipments_created").asInt();
        gateway.fault("aramex", "slow", 2500);

        HttpResponse<String> shipped = gateway.post("/orders/" + ORDER + "/ship", GatewayIT.shipment(1.2));

        assertThat(shipped.statusCode()).isEqualTo(502);
        // The stand-in answers late, but it created the shipment.
        await().atMost(EVENTUALLY)
                .until(() -> gateway.stats("aramex").path("shipments_created").asInt() == created + 1);

        // While Aramex answers too late for look-ups as well, the order stays held and is seen everywhere.
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            JsonNode list = gateway.json(gateway.get(HELD, ADMIN));
            assertThat(list.path("orders").findValuesAsText("order_id")).containsExactly(ORDER);
            assertThat(list.path("orders").get(0).path("status").asText()).isEqualTo("outcome_unknown");
            assertThat(list.path("orders").get(0).path("provider").asText()).isEqualTo("aramex");
            assertThat(gateway.get("/metrics").body()).contains("gateway_held_orders 1.0");
            JsonNode monitoring = gateway.monitoring();
            assertThat(monitoring.path("held_orders").asInt()).isEqualTo(1);
            assertThat(monitoring.path("alerts").findValuesAsText("message"))
                    .anySatisfy(message -> assertThat(message).contains("1 held order"));
        });
        assertThat(gateway.get(HELD).statusCode()).as("operators only").isEqualTo(401);
        assertThat(gateway.json(gateway.get("/orders/" + ORDER + "/shipment"))
                        .path("status")
                        .asText())
                .isEqualTo("outcome_unknown");

        gateway.fault("aramex", "healthy");

        await().atMost(EVENTUALLY).untilAsserted(() -> {
            JsonNode shipment = gateway.json(gateway.get("/orders/" + ORDER + "/shipment"));
            assertThat(shipment.path("status").asText()).isEqualTo("created");
            assertThat(shipment.path("provider").asText()).isEqualTo("aramex");
            assertThat(shipment.path("tracking").asText()).startsWith("301");
            assertThat(shipment.path("resolution").path("actor").asText()).isEqualTo("reconciler");
            assertThat(shipment.path("resolution").path("outcome").asText()).isEqualTo("created");
        });
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            assertThat(gateway.json(gateway.get(HELD, ADMIN)).path("orders")).isEmpty();
            assertThat(gateway.get("/metrics").body())
                    .contains("gateway_held_orders 0.0")
                    .contains("gateway_held_order_oldest_seconds 0.0");
            JsonNode monitoring = gateway.monitoring();
            assertThat(monitoring.path("held_orders").asInt()).isZero();
            assertThat(monitoring.path("alerts").findValuesAsText("message"))
                    .noneSatisfy(message -> assertThat(message).contains("held order"));
        });
        HttpResponse<String> again = gateway.post("/orders/" + ORDER + "/ship", GatewayIT.shipment(1.2));
        assertThat(again.statusCode()).as("the found shipment replays").isEqualTo(200);
        assertThat(gateway.stats("aramex").path("shipments_created").asInt())
                .as("never created twice")
                .isEqualTo(created + 1);
        assertThat(gateway.log()).contains("resolved created by the reconciler");
    }
}
