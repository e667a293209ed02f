package io.haderos.shipping.bootstrap;

import static io.haderos.shipping.bootstrap.GatewayIT.QUOTE;
import static io.haderos.shipping.bootstrap.GatewayIT.RATES;
import static io.haderos.shipping.bootstrap.GatewayIT.shipment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.haderos.shipping.sandbox.Sandbox;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * What survives a restart on the default H2 file: the audit trail and the idempotency records, after a
 * graceful stop (SIGTERM, which loses no transition) and after {@code kill -9} (the shipment store is written
 * before the client hears back, so no order can be shipped twice).
 */
class DurabilityIT {

    private static final String TOKEN = "durability-admin-token-0123456789";
    private static final String ARAMEX_TRANSITIONS =
            "/api/v1/integrations/monitoring/circuit-breakers/aramex/transitions?limit=1000";
    private static final String ARAMEX_STATE = "/api/v1/integrations/monitoring/circuit-breakers/aramex/state";

    private static Map<String, String> environment(Sandbox carriers, String h2File) {
        Map<String, String> env = SandboxCarriers.realCredentials(carriers);
        env.put("DATABASE_URL", "jdbc:h2:file:" + h2File);
        env.put("ADMIN_TOKEN", TOKEN);
        return env;
    }

    @Test
    void afterRestartsTheHistoryAndTheIdempotencyRecordsAreStillThere() throws Exception {
        String h2File = GatewayProcess.freshH2File("durability");
        try (Sandbox carriers = SandboxCarriers.start()) {
            Map<String, String> env = environment(carriers, h2File);
            String tracking;
            try (GatewayProcess first = GatewayProcess.start("durability-1", env, carriers.controlUri())) {
                first.fault("aramex", "down");
                for (int i = 0; i < 3; i++) {
                    first.post(RATES, QUOTE);
                }
                HttpResponse<String> shipped = first.post("/orders/KEEP-1/ship", shipment(1.0));
                assertThat(shipped.statusCode()).isEqualTo(201);
                tracking = first.json(shipped).path("tracking").asText();
                first.fault("aramex", "healthy");
            }
            int smsaCreated = GatewayProcess.stats(carriers.controlUri(), "smsa")
                    .path("shipments_created")
                    .asInt();

            String keptByKill;
            try (GatewayProcess second = GatewayProcess.start("durability-2", env, carriers.controlUri())) {
                JsonNode history = second.json(second.get(ARAMEX_TRANSITIONS)).path("transitions");
                assertThat(history).hasSize(1);
                assertThat(history.get(0).path("to").asText()).isEqualTo("open");
                assertThat(history.get(0).path("cause").asText()).contains("3 consecutive failures");

                HttpResponse<String> replay = second.post("/orders/KEEP-1/ship", shipment(1.0));
                assertThat(replay.statusCode()).isEqualTo(200);
                assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
                assertThat(second.json(replay).path("tracking").asText()).isEqualTo(tracking);
                assertThat(GatewayProcess.stats(carriers.controlUri(), "smsa")
                                .path("shipments_created")
                                .asInt())
                        .isEqualTo(smsaCreated);

                HttpResponse<String> shipped = second.post("/orders/KEEP-2/ship", shipment(2.0));
                assertThat(shipped.statusCode()).isEqualTo(201);
                keptByKill = second.json(shipped).path("tracking").asText();
                second.kill();
            }
            int aramexCreated = GatewayProcess.stats(carriers.controlUri(), "aramex")
                    .path("shipments_created")
                    .asInt();

            try (GatewayProcess third = GatewayProcess.start("durability-3", env, carriers.controlUri())) {
                HttpResponse<String> replay = third.post("/orders/KEEP-2/ship", shipment(2.0));
                assertThat(replay.statusCode()).isEqualTo(200);
                assertThat(third.json(replay).path("tracking").asText()).isEqualTo(keptByKill);
                assertThat(GatewayProcess.stats(carriers.controlUri(), "aramex")
                                .path("shipments_created")
                                .asInt())
                        .isEqualTo(aramexCreated);
            }
        }
    }

    @Test
    void sigtermWritesEveryQueuedTransitionBeforeTheProcessEnds() throws Exception {
        String h2File = GatewayProcess.freshH2File("sigterm");
        int overrides = 60;
        try (Sandbox carriers = SandboxCarriers.start()) {
            Map<String, String> env = environment(carriers, h2File);
            try (GatewayProcess flapping = GatewayProcess.start("sigterm-1", env, carriers.controlUri())) {
                for (int i = 0; i < overrides; i++) {
                    String state = i % 2 == 0 ? "forced_open" : "closed";
                    HttpResponse<String> response = flapping.put(
                            ARAMEX_STATE,
                            "{\"state\":\"" + state + "\",\"reason\":\"drill " + i + "\",\"actor\":\"drill-bot\"}",
                            TOKEN);
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                }
                // SIGTERM at once: the last transitions are still queued for the audit writer.
            }
            try (GatewayProcess reader = GatewayProcess.start("sigterm-2", env, carriers.controlUri())) {
                JsonNode history = reader.json(reader.get(ARAMEX_TRANSITIONS)).path("transitions");
                List<Long> sequences = new ArrayList<>();
                history.forEach(row -> sequences.add(row.path("sequence").asLong()));
                assertThat(sequences)
                        .as("newest first, every one exactly once")
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, overrides)
                                .map(n -> overrides + 1 - n)
                                .boxed()
                                .toList());
                assertThat(history.findValuesAsText("actor")).containsOnly("drill-bot");
                assertThat(history.get(0).path("cause").asText()).contains("drill " + (overrides - 1));
            }
        }
    }
}
