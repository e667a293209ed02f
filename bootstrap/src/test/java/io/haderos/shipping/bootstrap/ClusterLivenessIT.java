package io.haderos.shipping.bootstrap;

import static io.haderos.shipping.bootstrap.GatewayIT.QUOTE;
import static io.haderos.shipping.bootstrap.GatewayIT.RATES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.haderos.shipping.sandbox.Sandbox;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Instances tell each other they are alive (docs/architecture.md#instances-and-heartbeats): with a heartbeat every
 * second and a 3 s timeout, an instance killed with {@code kill -9} turns stale in the other's cluster view, and one
 * stopped gracefully turns stopped. The time from the kill to "stale" is printed, not asserted.
 */
class ClusterLivenessIT {

    private static final String CLUSTER = "/api/v1/integrations/monitoring/cluster";

    @Test
    void givenTwoInstances_whenOneIsKilled_thenItTurnsStaleWithinTheTimeoutAndAStoppedOneTurnsStopped()
            throws Exception {
        String databaseUrl = TestPostgres.freshSchemaUrl();
        try (Sandbox carriers = SandboxCarriers.start()) {
            Map<String, String> env = SandboxCarriers.realCredentials(carriers, databaseUrl);
            env.put("CLUSTER_HEARTBEAT_INTERVAL", "1");
            env.put("CLUSTER_HEARTBEAT_TIMEOUT", "3");
            try (GatewayProcess alpha = GatewayProcess.start(
                            "liveness-alpha", SandboxCarriers.named(env, "alpha"), carriers.controlUri());
                    GatewayProcess gamma = GatewayProcess.start(
                            "liveness-gamma", SandboxCarriers.named(env, "gamma"), carriers.controlUri())) {
                // gamma's Aramex breaker opens: it has a row in the cluster view.
                gamma.fault("aramex", "down");
                for (int i = 0; i < 3; i++) {
                    gamma.post(RATES, QUOTE);
                }
                gamma.fault("aramex", "healthy");
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> heartbeat(alpha, "gamma")
                                .map(row -> row.path("status").asText().equals("live"))
                                .orElse(false));
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> breakerRow(alpha, "gamma").isPresent());
                assertThat(heartbeat(alpha, "alpha")
                                .orElseThrow()
                                .path("status")
                                .asText())
                        .isEqualTo("live");

                gamma.kill();
                long killed = System.nanoTime();

                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> heartbeat(alpha, "gamma")
                                .map(row -> row.path("status").asText().equals("stale"))
                                .orElse(false));
                System.out.printf(
                        "killed instance stale in the cluster view after %d ms (timeout 3 s)%n",
                        (System.nanoTime() - killed) / 1_000_000);
                JsonNode row = breakerRow(alpha, "gamma").orElseThrow();
                assertThat(row.path("status").asText()).isEqualTo("stale");
                assertThat(row.path("state").asText()).isEqualTo("open");
                assertThat(heartbeat(alpha, "gamma")
                                .orElseThrow()
                                .path("stopped_at")
                                .isNull())
                        .isTrue();

                try (GatewayProcess beta = GatewayProcess.start(
                        "liveness-beta", SandboxCarriers.named(env, "beta"), carriers.controlUri())) {
                    await().atMost(Duration.ofSeconds(30))
                            .until(() -> heartbeat(alpha, "beta").isPresent());
                }
                JsonNode stopped = heartbeat(alpha, "beta").orElseThrow();
                assertThat(stopped.path("status").asText()).isEqualTo("stopped");
                assertThat(stopped.path("stopped_at").asText())
                        .isEqualTo(stopped.path("last_seen").asText());
                assertThat(heartbeat(alpha, "alpha")
                                .orElseThrow()
                                .path("status")
                                .asText())
                        .isEqualTo("live");
            }
        }
    }

    /** The instance named {@code name} in the view's heartbeats. */
    private static Optional<JsonNode> heartbeat(GatewayProcess reader, String name) throws IOException {
        for (JsonNode row : reader.json(reader.get(CLUSTER)).path("heartbeats")) {
            if (row.path("name").asText().equals(name)) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    /** The Aramex row of the instance named {@code name}. */
    private static Optional<JsonNode> breakerRow(GatewayProcess reader, String name) throws IOException {
        for (JsonNode row : reader.json(reader.get(CLUSTER)).path("instances")) {
            if (row.path("instance_id").asText().startsWith(name + "-")
                    && row.path("breaker").asText().equals("aramex")) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }
}
