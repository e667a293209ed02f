package io.haderos.shipping.bootstrap;

import static io.haderos.shipping.bootstrap.GatewayIT.QUOTE;
import static io.haderos.shipping.bootstrap.GatewayIT.RATES;
import static io.haderos.shipping.bootstrap.GatewayIT.shipment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.haderos.shipping.sandbox.Sandbox;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, fault tests, against the real jar: PostgreSQL goes away (a {@link TcpProxy} in front of it is cut)
 * while the Aramex breaker flaps by real carrier faults (operator overrides, which must be stored for the whole
 * fleet, are refused with 503 and change nothing). Quotes are still served and overrides still answer at once (503); shipping and the readiness probe say the database is away; the audit backlog is
 * an alert. Once the database is back, every transition is in the trail exactly once, with sequences 1..M.
 */
class DatabaseOutageIT {

    private static final String TOKEN = "outage-admin-token-0123456789";
    private static final String ACTOR = "outage-drill";
    private static final String ARAMEX_STATE = "/api/v1/integrations/monitoring/circuit-breakers/aramex/state";
    private static final String ARAMEX_TRANSITIONS =
            "/api/v1/integrations/monitoring/circuit-breakers/aramex/transitions?limit=1000";
    private static final int OVERRIDES_DURING_OUTAGE = 3;
    /** Well below the pool's 5 s connection timeout: an answer this fast did not wait for the database. */
    private static final Pattern INSTANCE_ID = Pattern.compile("shipping gateway (\\S+) listening on");

    @Test
    void givenTheDatabaseAway_whenTheAramexBreakerFlaps_thenCallsAreServedAndOnceItIsBackEveryTransitionIsRecordedOnce()
            throws Exception {
        String schema = TestPostgres.freshSchema();
        URI postgres = URI.create(TestPostgres.URL.substring("jdbc:".length()));
        try (Sandbox carriers = SandboxCarriers.start();
                TcpProxy database =
                        TcpProxy.start(postgres.getHost(), postgres.getPort() == -1 ? 5432 : postgres.getPort());
                GatewayProcess gateway = GatewayProcess.start(
                        "database-outage",
                        environment(carriers, proxiedUrl(postgres, database.port(), schema)),
                        carriers.controlUri())) {
            // What the breaker is made to do, oldest first, as "from -> to" plus " by <actor>" for overrides.
            List<String> caused = new ArrayList<>();

            override(gateway, "forced_open", "before the outage", caused);
            override(gateway, "closed", "before the outage", caused);
            awaitRecorded(gateway, caused.size(), Duration.ofSeconds(15));
            int before = caused.size();

            database.cut();

            // An operator's order holds the whole fleet, so it must be stored first: without the database it is
            // refused, and applied nowhere, rather than applied here alone.
            for (int i = 0; i < OVERRIDES_DURING_OUTAGE; i++) {
                HttpResponse<String> refusedOrder = gateway.put(
                        ARAMEX_STATE,
                        "{\"state\":\"forced_open\",\"reason\":\"drill " + i + "\",\"actor\":\"" + ACTOR + "\"}",
                        TOKEN);
                assertThat(refusedOrder.statusCode()).as(refusedOrder.body()).isEqualTo(503);
                assertThat(refusedOrder.body()).contains("override-store-unavailable");
            }
            assertThat(gateway.breaker("aramex").path("state").asText()).isEqualTo("closed");
            flapByCarrierFaults(gateway, caused);
            int duringOutage = caused.size() - before;

            int shipmentsBefore = shipmentsCreated(gateway);
            HttpResponse<String> refused = gateway.post("/orders/OUTAGE-1/ship", shipment(1.0));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(gateway.json(refused).path("type").asText()).endsWith("shipment-store-unavailable");
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(shipmentsCreated(gateway))
                    .as("shipments the carriers created without the store")
                    .isEqualTo(shipmentsBefore);

            HttpResponse<String> notReady = gateway.get("/health/ready");
            assertThat(notReady.statusCode()).as(notReady.body()).isEqualTo(503);
            assertThat(gateway.json(notReady).path("checks").path("database").asText())
                    .isEqualTo("unreachable");

            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(auditAlerts(gateway))
                            .singleElement()
                            .satisfies(alert -> {
                                assertThat(alert.path("breaker").asText()).isEqualTo("gateway");
                                assertThat(alert.path("severity").asText()).isEqualTo("warning");
                                assertThat(alert.path("message").asText())
                                        .startsWith("audit trail: " + duringOutage
                                                + " transitions waiting to be written; database unavailable since");
                            }));

            Instant restoredAt = Instant.now();
            database.restore();

            JsonNode history = awaitRecorded(gateway, caused.size(), Duration.ofSeconds(90));
            int total = caused.size();
            List<Long> sequences = new ArrayList<>();
            history.forEach(row -> sequences.add(row.path("sequence").asLong()));
            assertThat(sequences)
                    .as("newest first, 1..%d, no gap and no duplicate", total)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, total)
                            .map(n -> total + 1 - n)
                            .boxed()
                            .toList());
            assertThat(history.findValuesAsText("instance_id")).containsOnly(instanceId(gateway));
            List<JsonNode> oldestFirst = new ArrayList<>(
                    StreamSupport.stream(history.spliterator(), false).toList());
            Collections.reverse(oldestFirst);
            assertThat(oldestFirst)
                    .extracting(DatabaseOutageIT::describe)
                    .as("what was recorded, oldest first")
                    .containsExactlyElementsOf(caused);
            assertThat(oldestFirst.subList(before, total))
                    .extracting(row -> Instant.parse(row.path("recorded_at").asText()))
                    .as("transitions of the outage are recorded when they were written: after the database returned")
                    .allSatisfy(recordedAt -> assertThat(recordedAt).isAfter(restoredAt));
            assertThat(transitionsCounted(gateway))
                    .as("the breaker's own count, gateway_circuit_transitions_total")
                    .isEqualTo(total);

            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(
                                    gateway.monitoring().path("alerts").findValuesAsText("message"))
                            .as("no alert but the standing ones of this test's settings (anonymous, example tariff)")
                            .isSubsetOf(ConfigurationAlerts.ANONYMOUS, ConfigurationAlerts.EXAMPLE_TARIFF));
            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> gateway.get("/health/ready").statusCode() == 200);
            HttpResponse<String> shipped = gateway.post("/orders/OUTAGE-1/ship", shipment(1.0));
            assertThat(shipped.statusCode()).as(shipped.body()).isEqualTo(201);

            try (Connection connection = DriverManager.getConnection(TestPostgres.URL, TestPostgres.USER, null);
                    ResultSet rows = connection
                            .createStatement()
                            .executeQuery("SELECT count(*), count(DISTINCT sequence),"
                                    + " count(DISTINCT instance_id), min(sequence), max(sequence) FROM " + schema
                                    + ".circuit_transition")) {
                assertThat(rows.next()).isTrue();
                assertThat(List.of(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5)))
                        .as("rows, distinct sequences, instances, first and last sequence")
                        .containsExactly((long) total, (long) total, 1L, 1L, (long) total);
            }
        }
    }

    /**
     * Real faults, not overrides: Aramex refuses connections until the breaker opens, fails its trial (so the
     * breaker reopens), then heals and passes two trials. Every quote is served meanwhile, by SMSA while Aramex
     * cannot. Five transitions, with the 1 s recovery timeout of {@link #environment}.
     */
    private static void flapByCarrierFaults(GatewayProcess gateway, List<String> caused) throws Exception {
        gateway.fault("aramex", "down");
        for (int i = 0; i < 3; i++) {
            assertServedBy(gateway, "smsa");
        }
        caused.add("closed -> open");
        assertThat(gateway.breaker("aramex").path("state").asText()).isEqualTo("open");

        gateway.awaitTrialDue("aramex");
        assertServedBy(gateway, "smsa");
        caused.add("open -> half_open");
        caused.add("half_open -> open");
        assertThat(gateway.breaker("aramex").path("state").asText()).isEqualTo("open");

        gateway.fault("aramex", "healthy");
        gateway.awaitTrialDue("aramex");
        assertServedBy(gateway, "aramex");
        caused.add("open -> half_open");
        assertServedBy(gateway, "aramex");
        caused.add("half_open -> closed");
        assertThat(gateway.breaker("aramex").path("state").asText()).isEqualTo("closed");
    }

    private static void override(GatewayProcess gateway, String state, String reason, List<String> caused)
            throws Exception {
        HttpResponse<String> response = gateway.put(
                ARAMEX_STATE,
                "{\"state\":\"" + state + "\",\"reason\":\"" + reason + "\",\"actor\":\"" + ACTOR + "\"}",
                TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        caused.add((state.equals("closed") ? "forced_open" : "closed") + " -> " + state + " by " + ACTOR);
    }

    private static void assertServedBy(GatewayProcess gateway, String provider) throws Exception {
        HttpResponse<String> response = gateway.post(RATES, QUOTE);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(gateway.json(response).path("provider").asText())
                .as(response.body())
                .isEqualTo(provider);
    }

    /** Waits until the trail holds {@code count} Aramex transitions, and returns them, newest first. */
    private static JsonNode awaitRecorded(GatewayProcess gateway, int count, Duration atMost) {
        JsonNode[] transitions = new JsonNode[1];
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            HttpResponse<String> response = gateway.get(ARAMEX_TRANSITIONS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            transitions[0] = gateway.json(response).path("transitions");
            assertThat(transitions[0]).hasSize(count);
        });
        return transitions[0];
    }

    private static List<JsonNode> auditAlerts(GatewayProcess gateway) throws Exception {
        List<JsonNode> alerts = new ArrayList<>();
        gateway.monitoring().path("alerts").forEach(alert -> {
            if (alert.path("message").asText().startsWith("audit trail")) {
                alerts.add(alert);
            }
        });
        return alerts;
    }

    private static int shipmentsCreated(GatewayProcess gateway) throws Exception {
        return gateway.stats("aramex").path("shipments_created").asInt()
                + gateway.stats("smsa").path("shipments_created").asInt();
    }

    /** The sum of {@code gateway_circuit_transitions_total{carrier="aramex",…}} in {@code /metrics}. */
    private static long transitionsCounted(GatewayProcess gateway) throws Exception {
        double sum = 0;
        for (String line : gateway.get("/metrics").body().split("\n")) {
            if (line.startsWith("gateway_circuit_transitions_total{") && line.contains("carrier=\"aramex\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Math.round(sum);
    }

    private static String instanceId(GatewayProcess gateway) throws Exception {
        Matcher matcher = INSTANCE_ID.matcher(gateway.log());
        assertThat(matcher.find()).as("the start-up line names the instance").isTrue();
        return matcher.group(1);
    }

    private static String describe(JsonNode transition) {
        JsonNode actor = transition.path("actor");
        return transition.path("from").asText() + " -> " + transition.path("to").asText()
                + (actor.isNull() || actor.isMissingNode() ? "" : " by " + actor.asText());
    }

    private static Map<String, String> environment(Sandbox carriers, String databaseUrl) {
        Map<String, String> env = SandboxCarriers.realCredentials(carriers, databaseUrl);
        env.put("ADMIN_TOKEN", TOKEN);
        // Trials are due 1 s after opening, so that real faults can flap the breaker within the outage.
        env.put("ARAMEX_CIRCUIT_BREAKER_RECOVERY_TIMEOUT", "1");
        return env;
    }

    /** The test database's URL with the proxy in place of the server. */
    private static String proxiedUrl(URI postgres, int proxyPort, String schema) {
        return TestPostgres.schemaUrl("jdbc:postgresql://127.0.0.1:" + proxyPort + postgres.getRawPath(), schema);
    }
}
