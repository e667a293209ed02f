package io.haderos.shipping.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.haderos.shipping.bootstrap.ops.OpsFiles.Expression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ops/grafana/gateway.json}: an importable dashboard (schema version 36 or later, a {@code DS_PROMETHEUS} data
 * source input and variable used by every panel and query, {@code instance} and {@code carrier} variables) whose every
 * PromQL query parses: the queries, their variables replaced, become recording rules that {@code promtool check
 * rules} must accept. That the metrics they name are served is {@link OpsMetricNamesIT}'s job.
 */
class GrafanaDashboardIT {

    private static final String DATASOURCE = "${DS_PROMETHEUS}";

    private final JsonNode dashboard = OpsFiles.dashboardJson();

    @Test
    void givenTheDashboard_whenItsQueriesAreCheckedByPromtool_thenEveryOneParses(@TempDir Path dir) throws IOException {
        Promtool promtool = Promtool.onThisMachine();
        List<Expression> expressions = new ArrayList<>(OpsFiles.dashboardExpressions());
        for (OpsFiles.VariableQuery query : OpsFiles.dashboardVariableQueries()) {
            expressions.add(new Expression("variable " + query.variable(), query.selector()));
        }
        assertThat(expressions).hasSizeGreaterThan(30);
        Path rules = dir.resolve("dashboard-queries.yml");
        Files.writeString(rules, OpsFiles.asRecordingRules(expressions));

        promtool.checkRules(rules).assertPassed(OpsFiles.legend(expressions));
    }

    @Test
    void givenAQueryThatDoesNotParse_whenCheckedTheSameWay_thenPromtoolNamesItsPanel(@TempDir Path dir)
            throws IOException {
        Promtool promtool = Promtool.onThisMachine();
        Path rules = dir.resolve("dashboard-queries.yml");
        Files.writeString(
                rules,
                OpsFiles.asRecordingRules(List.of(new Expression(
                        "panel 99 \"broken\" query A", "sum by (carrier) (rate(gateway_slow_calls_total[1m])"))));

        Promtool.Result result = promtool.checkRules(rules);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("\"expression:1\": could not parse expression");
    }

    @Test
    void theDashboardIsImportableIntoGrafana9OrLater() {
        assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
        assertThat(dashboard.path("title").asText()).isNotBlank();
        assertThat(dashboard.path("uid").asText()).matches("[a-z0-9-]{1,40}");
        assertThat(dashboard.path("id").isNull())
                .as("no database id: it is assigned on import")
                .isTrue();

        JsonNode input = dashboard.path("__inputs").path(0);
        assertThat(input.path("name").asText()).isEqualTo("DS_PROMETHEUS");
        assertThat(input.path("type").asText()).isEqualTo("datasource");
        assertThat(input.path("pluginId").asText()).isEqualTo("prometheus");

        Set<String> ids = new HashSet<>();
        for (JsonNode panel : OpsFiles.panels(dashboard)) {
            assertThat(ids.add(panel.path("id").asText()))
                    .as("panel id %s is unique", panel.path("id"))
                    .isTrue();
            assertThat(panel.path("gridPos").path("w").asInt()).isBetween(1, 24);
        }
    }

    @Test
    void everyPanelAndQueryUsesThePrometheusDataSourceVariable() {
        JsonNode variable = variable("DS_PROMETHEUS");
        assertThat(variable.path("type").asText()).isEqualTo("datasource");
        assertThat(variable.path("query").asText()).isEqualTo("prometheus");

        int queries = 0;
        for (JsonNode panel : OpsFiles.panels(dashboard)) {
            if ("row".equals(panel.path("type").asText())) {
                continue;
            }
            assertThat(panel.path("datasource").path("uid").asText())
                    .as("panel %s", panel.path("title"))
                    .isEqualTo(DATASOURCE);
            assertThat(panel.path("targets"))
                    .as("panel %s has queries", panel.path("title"))
                    .isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("datasource").path("uid").asText())
                        .as("panel %s query %s", panel.path("title"), target.path("refId"))
                        .isEqualTo(DATASOURCE);
                assertThat(target.path("expr").asText()).isNotBlank();
                queries++;
            }
        }
        assertThat(queries).isEqualTo(OpsFiles.dashboardExpressions().size());
    }

    @Test
    void instanceAndCarrierAreMultiValueVariablesWithAnAllValue() {
        for (String name : List.of("instance", "carrier")) {
            JsonNode variable = variable(name);
            assertThat(variable.path("type").asText()).as(name).isEqualTo("query");
            assertThat(variable.path("datasource").path("uid").asText())
                    .as(name)
                    .isEqualTo(DATASOURCE);
            assertThat(variable.path("multi").asBoolean()).as(name).isTrue();
            assertThat(variable.path("includeAll").asBoolean()).as(name).isTrue();
            assertThat(variable.path("allValue").asText()).as(name).isEqualTo(".*");
        }
        assertThat(OpsFiles.dashboardVariableQueries())
                .extracting(OpsFiles.VariableQuery::variable, OpsFiles.VariableQuery::label)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("instance", "instance"),
                        org.assertj.core.groups.Tuple.tuple("carrier", "carrier"));
    }

    @Test
    void theDashboardShowsWhatOperatorsNeed() {
        List<Expression> expressions = OpsFiles.dashboardExpressions();
        Set<String> metrics = new TreeSet<>();
        for (Expression expression : expressions) {
            PromQl.selectors(expression.promql()).forEach(selector -> metrics.add(selector.metric()));
        }

        assertThat(metrics)
                .as("metrics the dashboard queries")
                .contains(
                        "resilience4j_circuitbreaker_state",
                        "gateway_circuit_transitions_total",
                        "gateway_carrier_call_seconds_count",
                        "gateway_carrier_call_seconds_bucket",
                        "gateway_fallbacks_total",
                        "gateway_hedges_total",
                        "gateway_slow_calls_total",
                        "gateway_busy_refusals_total",
                        "gateway_carrier_calls_in_flight",
                        "gateway_hedge_delay_seconds",
                        "http_server_requests_seconds_count",
                        "http_server_requests_seconds_bucket",
                        "jvm_memory_used_bytes",
                        "jvm_gc_pause_seconds_sum",
                        "jvm_threads_live_threads",
                        "gateway_held_orders");
        String p99 =
                "histogram_quantile(0.99, sum by (carrier, operation, le) (rate(gateway_carrier_call_seconds_bucket";
        assertThat(expressions.stream()
                        .map(Expression::promql)
                        .filter(promql -> promql.startsWith(p99))
                        .toList())
                .as("a p99 of carrier latency per carrier and operation")
                .hasSize(1);
    }

    private JsonNode variable(String name) {
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (name.equals(variable.path("name").asText())) {
                return variable;
            }
        }
        throw new AssertionError("the dashboard has no variable " + name);
    }
}
