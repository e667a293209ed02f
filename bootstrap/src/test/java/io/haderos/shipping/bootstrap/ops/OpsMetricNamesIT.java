package io.haderos.shipping.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.haderos.shipping.bootstrap.ops.OpsFiles.Expression;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics the dashboard and the alert rules name are the metrics the real jar serves. The jar runs in sandbox
 * mode; Aramex's stand-in goes down so that every labelled family exists (calls by outcome, fallbacks, an open
 * breaker, HTTP routes, a GC); then {@code /metrics} is scraped as Prometheus scrapes it and every selector of
 * every query is looked up: its metric name among the served samples ({@code _bucket}, {@code _sum},
 * {@code _count}, {@code _total} as served) and its matchers' label names on that metric's series.
 *
 * <p>Metrics the gateway does not serve yet are listed in {@link #PENDING}: a query may use them, and this test
 * fails as soon as one of them is served (move it out of the list, and its label names get checked) or is no longer
 * used by any query.
 */
class OpsMetricNamesIT {

    /** Metric names the rules and the dashboard use that the gateway does not serve yet, and what they will be. */
    static final Map<String, String> PENDING = Map.of();

    /** Series Prometheus makes itself for every target. */
    private static final Set<String> PROMETHEUS_SERIES = Set.of("up");

    /** Labels Prometheus attaches to every scraped series: the target's job and instance. */
    private static final Set<String> TARGET_LABELS = Set.of("job", "instance");

    private static final String RATES = "/api/v1/integrations/shipping/rates";
    private static final String QUOTE = "{\"origin\":{\"country\":\"SA\",\"city\":\"Riyadh\"},"
            + "\"destination\":{\"country\":\"AE\",\"city\":\"Dubai\"},\"weight_kg\":1.5}";
    private static final String SHIPMENT = "{\"consignee\":{\"name\":\"Sara Ahmed\",\"phone\":\"+966551112233\","
            + "\"email\":\"sara@example.com\",\"address\":{\"country\":\"SA\",\"city\":\"Jeddah\","
            + "\"line1\":\"Building 7, Al Olaya St\",\"line2\":\"Apt 12\",\"postal_code\":\"23434\"}},"
            + "\"parcels\":[{\"weight_kg\":1.2}],\"description\":\"Cotton T-shirts\","
            + "\"declared_value\":{\"amount\":\"250.00\",\"currency\":\"SAR\"},"
            + "\"cod\":{\"amount\":\"0\",\"currency\":\"SAR\"}}";

    @TempDir
    static Path workDir;

    private static GatewayJar gateway;

    /** Served sample name → the label names seen on its series. */
    private static Map<String, Set<String>> served;

    @BeforeAll
    static void startAndExercise() throws Exception {
        // A Slack channel whose webhook is a closed loopback port: its delivery metrics exist, and its posts fail.
        gateway = GatewayJar.start(
                "ops-metric-names",
                workDir,
                Map.of("ALERTS_SLACK_WEBHOOK_URL", "http://127.0.0.1:" + GatewayJar.closedPort() + "/hooks/ops"));
        for (int i = 0; i < 3; i++) {
            assertThat(gateway.post(RATES, QUOTE).statusCode()).isEqualTo(200);
        }
        gateway.fault("aramex", "down");
        for (int i = 0; i < 4; i++) {
            assertThat(gateway.post(RATES, QUOTE).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> shipped = gateway.post("/orders/OPS-METRICS-1/ship", SHIPMENT);
        assertThat(shipped.statusCode()).as(shipped.body()).isEqualTo(201);
        JsonNode shipment = OpsFiles.JSON.readTree(shipped.body());
        gateway.get("/api/v1/shipments/" + shipment.path("provider").asText() + "/"
                + shipment.path("tracking").asText());
        assertThat(gateway.get("/no-such-route").statusCode()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> OpsFiles.JSON
                        .readTree(gateway.get("/api/v1/integrations/monitoring/circuit-breakers")
                                .body())
                        .path("circuit_breakers")
                        .path("aramex")
                        .path("state")
                        .asText()
                        .equals("open"));
        if (!parse(gateway.scrape()).containsKey("jvm_gc_pause_seconds_count")) {
            gateway.collectGarbage();
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> parse(gateway.scrape())
                        .keySet()
                        .containsAll(List.of(
                                "jvm_gc_pause_seconds_count",
                                "gateway_carrier_call_seconds_bucket",
                                "http_server_requests_seconds_bucket")));
        served = parse(gateway.scrape());
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void everyMetricTheDashboardQueriesIsServedByTheJarOrPending() {
        List<Expression> queries = new ArrayList<>(OpsFiles.dashboardExpressions());
        for (OpsFiles.VariableQuery query : OpsFiles.dashboardVariableQueries()) {
            queries.add(new Expression("variable " + query.variable(), query.selector()));
        }

        assertThat(unknownMetrics(queries))
                .as("metrics the dashboard queries that the jar does not serve")
                .isEmpty();
    }

    @Test
    void everyMetricTheAlertRulesUseIsServedByTheJarOrPending() {
        assertThat(unknownMetrics(OpsFiles.alertExpressions()))
                .as("metrics the alert rules use that the jar does not serve")
                .isEmpty();
    }

    @Test
    void everyLabelTheQueriesAndRulesMatchOnIsOnTheServedSeries() {
        List<Expression> all = new ArrayList<>(OpsFiles.dashboardExpressions());
        all.addAll(OpsFiles.alertExpressions());
        Map<String, Set<String>> missing = new TreeMap<>();
        for (Expression expression : all) {
            for (PromQl.Selector selector : PromQl.selectors(expression.promql())) {
                Set<String> labels = served.get(selector.metric());
                if (labels == null) {
                    continue; // pending or Prometheus' own: their names are checked by the other tests
                }
                for (String label : selector.labels()) {
                    if (!labels.contains(label) && !TARGET_LABELS.contains(label)) {
                        missing.computeIfAbsent(selector.metric() + "{" + label + "}", key -> new TreeSet<>())
                                .add(expression.origin());
                    }
                }
            }
        }
        for (OpsFiles.VariableQuery query : OpsFiles.dashboardVariableQueries()) {
            for (PromQl.Selector selector : PromQl.selectors(query.selector())) {
                Set<String> labels = served.getOrDefault(selector.metric(), Set.of());
                if (!labels.contains(query.label()) && !TARGET_LABELS.contains(query.label())) {
                    missing.computeIfAbsent(selector.metric() + "{" + query.label() + "}", key -> new TreeSet<>())
                            .add("variable " + query.variable());
                }
            }
        }

        assertThat(missing)
                .as("label names matched on that the served series do not have")
                .isEmpty();
    }

    @Test
    void noPendingMetricIsServedYetAndEachIsStillUsed() {
        assertThat(PENDING.keySet())
                .as("pending metrics now served by the jar: remove them from PENDING so that their labels are"
                        + " checked too")
                .doesNotContainAnyElementsOf(served.keySet());

        Set<String> used = new LinkedHashSet<>();
        List<Expression> all = new ArrayList<>(OpsFiles.dashboardExpressions());
        all.addAll(OpsFiles.alertExpressions());
        for (Expression expression : all) {
            PromQl.selectors(expression.promql()).forEach(selector -> used.add(selector.metric()));
        }
        assertThat(used).as("every pending metric is used by a rule or a panel").containsAll(PENDING.keySet());
    }

    @Test
    void theScrapeWasExercisedEnoughForTheCheckToMeanSomething() {
        assertThat(served.get("gateway_carrier_call_seconds_bucket")).contains("carrier", "operation", "outcome", "le");
        assertThat(served.get("resilience4j_circuitbreaker_state")).contains("name", "state");
        assertThat(served.get("http_server_requests_seconds_count")).contains("method", "uri", "status", "outcome");
        assertThat(served).containsKeys("gateway_fallbacks_total", "jvm_gc_pause_seconds_sum");
    }

    /** Metric name → the queries that use it, for each name neither served nor pending nor Prometheus' own. */
    private static Map<String, Set<String>> unknownMetrics(List<Expression> expressions) {
        Map<String, Set<String>> unknown = new TreeMap<>();
        for (Expression expression : expressions) {
            List<PromQl.Selector> selectors = PromQl.selectors(expression.promql());
            assertThat(selectors).as("%s names a metric", expression.origin()).isNotEmpty();
            for (PromQl.Selector selector : selectors) {
                String name = selector.metric();
                if (!served.containsKey(name) && !PENDING.containsKey(name) && !PROMETHEUS_SERIES.contains(name)) {
                    unknown.computeIfAbsent(name, key -> new TreeSet<>()).add(expression.origin());
                }
            }
        }
        return unknown;
    }

    /** Sample name → label names, from a text or OpenMetrics exposition. */
    static Map<String, Set<String>> parse(String exposition) {
        Map<String, Set<String>> samples = new TreeMap<>();
        for (String line : exposition.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int i = 0;
            while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
                i++;
            }
            Set<String> labels = samples.computeIfAbsent(line.substring(0, i), name -> new TreeSet<>());
            if (i < line.length() && line.charAt(i) == '{') {
                i++;
                while (i < line.length() && line.charAt(i) != '}') {
                    int equals = line.indexOf('=', i);
                    labels.add(line.substring(i, equals).strip());
                    i = equals + 2; // past ="
                    while (line.charAt(i) != '"') {
                        i += line.charAt(i) == '\\' ? 2 : 1;
                    }
                    i++; // closing quote
                    if (line.charAt(i) == ',') {
                        i++;
                    }
                }
            }
        }
        return samples;
    }
}
