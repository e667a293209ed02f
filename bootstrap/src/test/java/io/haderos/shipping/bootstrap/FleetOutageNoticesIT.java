package io.haderos.shipping.bootstrap;

import static io.haderos.shipping.bootstrap.GatewayIT.QUOTE;
import static io.haderos.shipping.bootstrap.GatewayIT.RATES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.haderos.shipping.sandbox.Sandbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One notice per fleet (docs/architecture.md#one-notice-per-fleet): two gateway processes on one PostgreSQL see the
 * same Aramex outage, both breakers open and both close again, and the Slack stub receives exactly one opening and
 * one recovery message. Both processes stop gracefully before the count, so no queued message can still be on its
 * way.
 */
class FleetOutageNoticesIT {

    @Test
    void givenTwoInstancesInOneOutage_thenSlackGetsOneOpeningAndOneRecovery() throws Exception {
        SlackStub slack = SlackStub.start("/services/T000/B000/fleet");
        List<String> messages = slack.messages();
        String databaseUrl = TestPostgres.freshSchemaUrl();
        try (Sandbox carriers = SandboxCarriers.start()) {
            Map<String, String> env = SandboxCarriers.realCredentials(carriers, databaseUrl);
            env.put("CIRCUIT_BREAKER_RECOVERY_TIMEOUT", "1");
            env.put("ALERTS_SLACK_WEBHOOK_URL", slack.url());
            try (GatewayProcess alpha = GatewayProcess.start("notices-alpha", env, carriers.controlUri());
                    GatewayProcess beta = GatewayProcess.start("notices-beta", env, carriers.controlUri())) {
                alpha.fault("aramex", "down");
                for (GatewayProcess gateway : List.of(alpha, beta)) {
                    for (int i = 0; i < 3; i++) {
                        assertThat(gateway.post(RATES, QUOTE).statusCode()).isEqualTo(200);
                    }
                }
                for (GatewayProcess gateway : List.of(alpha, beta)) {
                    gateway.awaitBreaker(
                            "aramex",
                            Duration.ofSeconds(30),
                            aramex -> !aramex.path("state").asText().equals("closed"));
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> !messages.isEmpty());

                alpha.fault("aramex", "healthy");
                for (GatewayProcess gateway : List.of(alpha, beta)) {
                    await().atMost(Duration.ofSeconds(60))
                            .pollInterval(Duration.ofMillis(250))
                            .until(() -> {
                                gateway.post(RATES, QUOTE);
                                return gateway.breaker("aramex")
                                        .path("state")
                                        .asText()
                                        .equals("closed");
                            });
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> messages.size() >= 2);
            }
        } finally {
            slack.close();
        }
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0)).contains("aramex").contains("OPEN");
        assertThat(messages.get(1)).contains("aramex").contains("RECOVERED");
    }
}
