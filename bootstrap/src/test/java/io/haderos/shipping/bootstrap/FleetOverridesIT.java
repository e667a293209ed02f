package io.haderos.shipping.bootstrap;

import static io.haderos.shipping.bootstrap.GatewayIT.QUOTE;
import static io.haderos.shipping.bootstrap.GatewayIT.RATES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.haderos.shipping.sandbox.Sandbox;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Operator overrides reach every instance and survive restarts (docs/architecture.md#fleet-overrides): two real
 * gateway processes on one PostgreSQL sharing one set of stand-in carriers, and one process on an H2 file across a
 * restart. The time an order takes to reach the other instance is printed ("propagated in … ms"): it is measured,
 * not asserted (the bound only keeps a broken build from hanging).
 */
class FleetOverridesIT {

    private static final String TOKEN = "fleet-overrides-admin-token-0123456789";
    private static final String MONITORING = "/api/v1/integrations/monitoring/circuit-breakers";
    private static final Duration GENEROUS = Duration.ofSeconds(30);

    @Test
    void givenTwoInstancesOnOnePostgres_thenAnOrderGivenToEitherHoldsBothAndSurvivesARestart() throws Exception {
        String databaseUrl = TestPostgres.freshSchemaUrl();
        try (Sandbox carriers = SandboxCarriers.start()) {
            Map<String, String> env = SandboxCarriers.realCredentials(carriers, databaseUrl);
            env.put("ADMIN_TOKEN", TOKEN);
            GatewayProcess alpha =
                    GatewayProcess.start("fleet-alpha", SandboxCarriers.named(env, "alpha"), carriers.controlUri());
            GatewayProcess beta =
                    GatewayProcess.start("fleet-beta", SandboxCarriers.named(env, "beta"), carriers.controlUri());
            try {
                // Forced open through alpha: beta stops sending anything to Aramex.
                HttpResponse<String> forced = alpha.put(
                        MONITORING + "/aramex/state",
                        "{\"state\":\"forced_open\",\"reason\":\"Aramex maintenance\",\"actor\":\"nora\"}",
                        TOKEN);
                assertThat(forced.statusCode()).as(forced.body()).isEqualTo(200);
                assertThat(alpha.json(forced).path("override").path("actor").asText())
                        .isEqualTo("nora");
                awaitState(beta, "aramex", "forced_open", "forced open through alpha, seen by beta");
                int aramexRequests = alpha.stats("aramex").path("requests").asInt();
                for (int i = 0; i < 5; i++) {
                    JsonNode quote = beta.json(beta.post(RATES, QUOTE));
                    assertThat(quote.path("provider").asText()).isEqualTo("smsa");
                    JsonNode aramexAttempt = quote.path("attempts").get(0);
                    assertThat(aramexAttempt.path("outcome").asText()).isEqualTo("circuit_open");
                    assertThat(aramexAttempt.path("detail").asText())
                            .contains("held open by an operator")
                            .doesNotContain("trial");
                }
                assertThat(alpha.stats("aramex").path("requests").asInt())
                        .as("requests that reached the Aramex stand-in")
                        .isEqualTo(aramexRequests);
                JsonNode betaEntry = beta.breaker("aramex");
                assertThat(betaEntry.path("override").path("reason").asText()).isEqualTo("Aramex maintenance");
                assertThat(betaEntry.path("retry_after_seconds").isNull())
                        .as("no trial is promised")
                        .isTrue();
                awaitTransitionBy(beta, "beta-", "forced_open", "nora");

                // Beta restarts: it is held open from its first request on.
                beta.close();
                beta = GatewayProcess.start("fleet-beta-2", SandboxCarriers.named(env, "beta"), carriers.controlUri());
                assertThat(beta.breaker("aramex").path("state").asText())
                        .as("applied before serving")
                        .isEqualTo("forced_open");

                // Honest hints with every carrier held open without an end: no Retry-After at all.
                assertThat(beta.put(
                                        MONITORING + "/smsa/state",
                                        "{\"state\":\"forced_open\",\"reason\":\"drill\",\"actor\":\"nora\"}",
                                        TOKEN)
                                .statusCode())
                        .isEqualTo(200);
                HttpResponse<String> nothing = beta.post(RATES, QUOTE);
                assertThat(nothing.statusCode()).isEqualTo(503);
                assertThat(nothing.headers().firstValue("Retry-After")).isEmpty();
                assertThat(beta.json(nothing).has("retry_after_seconds"))
                        .as("no hint to give")
                        .isFalse();
                assertThat(nothing.body()).doesNotContain("trial");
                closeThrough(beta, "smsa");

                // Closed through beta: both serve Aramex again.
                closeThrough(beta, "aramex");
                awaitState(alpha, "aramex", "closed", "closed through beta, seen by alpha");
                assertThat(alpha.json(alpha.post(RATES, QUOTE)).path("provider").asText())
                        .isEqualTo("aramex");
                awaitTransitionBy(alpha, "alpha-", "closed", "omar");

                // A maintenance window ends by itself on both.
                Instant until = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
                HttpResponse<String> window = alpha.put(
                        MONITORING + "/aramex/state",
                        "{\"state\":\"forced_open\",\"reason\":\"window\",\"actor\":\"nora\",\"until\":\"" + until
                                + "\"}",
                        TOKEN);
                assertThat(window.statusCode()).as(window.body()).isEqualTo(200);
                assertThat(alpha.json(window).path("override").path("until").asText())
                        .isEqualTo(until.toString());
                awaitState(beta, "aramex", "forced_open", "the window reaches beta");
                assertThat(beta.breaker("aramex").path("retry_after_seconds").asLong())
                        .as("counts to the window's end")
                        .isBetween(1L, 6L);
                awaitState(alpha, "aramex", "closed", "the window ends on alpha");
                awaitState(beta, "aramex", "closed", "the window ends on beta");
                awaitTransitionBy(alpha, "alpha-", "closed", "maintenance-window");
                awaitTransitionBy(beta, "beta-", "closed", "maintenance-window");
            } finally {
                beta.close();
                alpha.close();
            }
        }
    }

    @Test
    void givenOneInstanceOnH2_thenAnOrderSurvivesARestartAndAWindowEndsByItself() throws Exception {
        String h2File = GatewayProcess.freshH2File("fleet-h2");
        try (Sandbox carriers = SandboxCarriers.start()) {
            Map<String, String> env = SandboxCarriers.realCredentials(carriers);
            env.put("DATABASE_URL", "jdbc:h2:file:" + h2File);
            env.put("ADMIN_TOKEN", TOKEN);
            try (GatewayProcess first = GatewayProcess.start("fleet-h2-1", env, carriers.controlUri())) {
                assertThat(first.put(
                                        MONITORING + "/aramex/state",
                                        "{\"state\":\"forced_open\",\"reason\":\"maintenance\",\"actor\":\"nora\"}",
                                        TOKEN)
                                .statusCode())
                        .isEqualTo(200);
            }
            try (GatewayProcess second = GatewayProcess.start("fleet-h2-2", env, carriers.controlUri())) {
                assertThat(second.breaker("aramex").path("state").asText()).isEqualTo("forced_open");
                assertThat(second.breaker("aramex")
                                .path("override")
                                .path("actor")
                                .asText())
                        .isEqualTo("nora");
                int aramexRequests = second.stats("aramex").path("requests").asInt();
                assertThat(second.json(second.post(RATES, QUOTE))
                                .path("provider")
                                .asText())
                        .isEqualTo("smsa");
                assertThat(second.stats("aramex").path("requests").asInt()).isEqualTo(aramexRequests);

                closeThrough(second, "aramex");
                Instant until = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
                assertThat(second.put(
                                        MONITORING + "/aramex/state",
                                        "{\"state\":\"disabled\",\"reason\":\"window\",\"actor\":\"nora\","
                                                + "\"until\":\"" + until + "\"}",
                                        TOKEN)
                                .statusCode())
                        .isEqualTo(200);
                assertThat(second.breaker("aramex").path("state").asText()).isEqualTo("disabled");
                awaitState(second, "aramex", "closed", "the window ends by itself");
            }
            try (GatewayProcess third = GatewayProcess.start("fleet-h2-3", env, carriers.controlUri())) {
                assertThat(third.breaker("aramex").path("state").asText())
                        .as("an ended window is not applied again")
                        .isEqualTo("closed");
            }
        }
    }

    private static void closeThrough(GatewayProcess gateway, String carrier) throws IOException {
        HttpResponse<String> closed = gateway.put(
                MONITORING + "/" + carrier + "/state",
                "{\"state\":\"closed\",\"reason\":\"maintenance over\",\"actor\":\"omar\"}",
                TOKEN);
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(gateway.json(closed).path("state").asText()).isEqualTo("closed");
    }

    /** Waits until {@code gateway} shows {@code state}, and prints how long it took. */
    private static void awaitState(GatewayProcess gateway, String carrier, String state, String what) {
        long from = System.nanoTime();
        await().atMost(GENEROUS)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> state.equals(gateway.breaker(carrier).path("state").asText()));
        System.out.printf("%s: propagated in %d ms%n", what, (System.nanoTime() - from) / 1_000_000);
    }

    /** Waits until the shared audit trail holds a transition of that instance to {@code to} by {@code actor}. */
    private static void awaitTransitionBy(GatewayProcess reader, String instancePrefix, String to, String actor) {
        await().atMost(GENEROUS).until(() -> {
            List<JsonNode> matching = new ArrayList<>();
            reader.json(reader.get(MONITORING + "/aramex/transitions?limit=1000"))
                    .path("transitions")
                    .forEach(row -> {
                        if (row.path("instance_id").asText().startsWith(instancePrefix)
                                && row.path("to").asText().equals(to)
                                && row.path("actor").asText().equals(actor)) {
                            matching.add(row);
                        }
                    });
            return !matching.isEmpty();
        });
    }
}
