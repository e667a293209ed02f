package io.haderos.shipping.bootstrap.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.haderos.shipping.adapter.resilience4j.CarrierCircuitBreaker;
import io.haderos.shipping.adapter.resilience4j.CircuitBreakerSettings;
import io.haderos.shipping.bootstrap.ops.Promtool;
import io.haderos.shipping.bootstrap.ops.Promtool.Result;
import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.policy.CarrierOperation;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import io.haderos.shipping.domain.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code promtool check metrics} on what {@code GET /metrics} serves, with every family present: JVM,
 * resilience4j, transitions, fallbacks, carrier-call and HTTP histograms.
 *
 * <p>promtool exits 3 on any lint problem. Two come from Micrometer's standard JVM binders and are accepted
 * (listed in {@link #ACCEPTED}, with the reason); everything else must lint clean, so the exposition without
 * those two families must pass with exit code 0.
 */
class PromtoolCheckIT {

    /** metric family → the one promtool complaint accepted about it, and why. */
    private static final Map<String, String> ACCEPTED = Map.of(
            // Micrometer's name, used by the stock JVM dashboards: renaming it would break them.
            "system_cpu_count", "non-histogram and non-summary metrics should not have \"_count\" suffix",
            // Micrometer's ProcessorMetrics publishes process CPU time in nanoseconds under this name.
            "process_cpu_time_ns_total", "metric names should not contain abbreviated units");

    private static final int LINT_PROBLEMS = 3;

    private static final String LINT_CHECK = "the Prometheus lint check";

    private final MutableClock clock = MutableClock.at("2026-01-05T10:00:00Z");
    private GatewayMetrics metrics;
    private MetricsTestServer server;

    @BeforeEach
    void start() {
        metrics = GatewayMetrics.create(List.of(CarrierId.ARAMEX, CarrierId.SMSA));
        server = MetricsTestServer.start(metrics, HttpServerMetricsIT.OrdersResource.class);
    }

    @AfterEach
    void stop() {
        server.close();
        metrics.close();
    }

    @Test
    void givenEveryKindOfMetric_whenPromtoolChecksTheScrape_thenOnlyTheAcceptedJvmNamesAreFlagged() throws Exception {
        Promtool promtool = Promtool.onThisMachine(LINT_CHECK);
        everyKindOfMetric();
        String scrape = server.get("/metrics", "text/plain").body();

        Result full = promtool.checkMetrics(scrape);
        assertThat(full.exitCode()).as("promtool output:%n%s", full.output()).isIn(0, LINT_PROBLEMS);
        assertThat(full.lines())
                .as("promtool's complaints")
                .isSubsetOf(ACCEPTED.entrySet().stream()
                        .map(accepted -> accepted.getKey() + " " + accepted.getValue())
                        .toList());

        Result rest = promtool.checkMetrics(
                withoutFamilies(scrape, ACCEPTED.keySet().stream().toList()));
        assertThat(rest.exitCode()).as("promtool output:%n%s", rest.output()).isZero();
        assertThat(rest.lines()).isEmpty();
    }

    @Test
    void givenACounterWithoutItsTotalSuffix_whenPromtoolChecksIt_thenItFlagsIt() throws Exception {
        Result result = Promtool.onThisMachine(LINT_CHECK)
                .checkMetrics("# HELP shipments Shipments.\n# TYPE shipments counter\nshipments 1\n");

        assertThat(result.exitCode()).isEqualTo(LINT_PROBLEMS);
        assertThat(result.lines()).containsExactly("shipments counter metrics should have \"_total\" suffix");
    }

    private void everyKindOfMetric() {
        CarrierCircuitBreaker aramex = CarrierCircuitBreaker.create(
                CarrierId.ARAMEX, CircuitBreakerSettings.DEFAULTS, clock, metrics.transitionListener());
        metrics.bindCircuitBreakers(List.of(aramex));
        for (int i = 0; i < 3; i++) {
            try {
                aramex.call(CarrierOperation.QUOTE_RATES, () -> {
                    throw new CarrierUnavailableException(CarrierId.ARAMEX, Reason.TIMEOUT, "no answer");
                });
            } catch (CarrierUnavailableException expected) {
                // the fault that opens the breaker
            }
        }
        metrics.carrierCallObserver()
                .called(CarrierId.ARAMEX, CarrierOperation.QUOTE_RATES, AttemptOutcome.CIRCUIT_OPEN, Duration.ZERO);
        metrics.carrierCallObserver().fellBack(CarrierOperation.QUOTE_RATES, CarrierId.ARAMEX, CarrierId.SMSA);
        metrics.carrierCallObserver()
                .called(CarrierId.SMSA, CarrierOperation.QUOTE_RATES, AttemptOutcome.SUCCESS, Duration.ofMillis(120));
        server.send("POST", "/orders/A-1/ship");
        server.send("GET", "/nowhere");
        await().atMost(Duration.ofSeconds(5)).until(() -> metrics.scrape().contains("uri=\"NOT_FOUND\""));
        assertThat(metrics.scrape())
                .contains("gateway_circuit_transitions_total{carrier=\"aramex\",from=\"closed\"," + "to=\"open\"} 1.0");
    }

    /** The exposition without the {@code # HELP}, {@code # TYPE} and sample lines of {@code families}. */
    private static String withoutFamilies(String exposition, List<String> families) {
        return exposition
                .lines()
                .filter(line -> !families.contains(familyOf(line)))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static String familyOf(String line) {
        String rest = line.startsWith("# HELP ") || line.startsWith("# TYPE ") ? line.substring(7) : line;
        int end = 0;
        while (end < rest.length() && rest.charAt(end) != '{' && rest.charAt(end) != ' ') {
            end++;
        }
        return rest.substring(0, end);
    }
}
