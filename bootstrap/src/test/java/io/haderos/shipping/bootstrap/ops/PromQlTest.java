package io.haderos.shipping.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haderos.shipping.bootstrap.ops.PromQl.Selector;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The selector scanner the metric-name checks rely on: what it must find, and what it must not take for a metric. */
class PromQlTest {

    @Test
    void givenAnAggregationOverARate_whenScanned_thenOnlyTheMetricAndItsMatcherLabelsAreFound() {
        assertThat(PromQl.selectors(
                        "sum by (carrier, operation) (rate(gateway_slow_calls_total{job=\"shipping-gateway\","
                                + " carrier=~\".*\"}[5m]))"))
                .containsExactly(new Selector("gateway_slow_calls_total", Set.of("job", "carrier")));
    }

    @Test
    void givenHistogramQuantileWithAnAggregationClauseAfterItsArgument_whenScanned_thenLeAndKeywordsAreNoMetrics() {
        assertThat(PromQl.selectors("histogram_quantile(0.95, sum(rate(http_server_requests_seconds_bucket"
                        + "{uri!~\"/metrics\"}[1m] offset 5m)) by (le, uri)) > bool 1e-3"))
                .containsExactly(new Selector("http_server_requests_seconds_bucket", Set.of("uri")));
    }

    @Test
    void givenVectorMatchingAndLabelReplace_whenScanned_thenStringsAndLabelListsAreSkipped() {
        String expr = "sum by (operation, from) (rate(gateway_fallbacks_total[10m]))\n"
                + "/ on (operation, from) group_left (to)\n"
                + "label_replace(rate(gateway_carrier_call_seconds_count{outcome!~\"circuit_open|busy\"}[10m]),"
                + " \"from\", \"$1\", \"carrier\", \"(.+)\")\n"
                + "unless on (from) max by (name) (resilience4j_circuitbreaker_state{state=\"forced_open\"}) == 1\n"
                + "or absent(up{job=\"shipping-gateway\"})";

        assertThat(PromQl.selectors(expr))
                .containsExactly(
                        new Selector("gateway_fallbacks_total", Set.of()),
                        new Selector("gateway_carrier_call_seconds_count", Set.of("outcome")),
                        new Selector("resilience4j_circuitbreaker_state", Set.of("state")),
                        new Selector("up", Set.of("job")));
    }

    @Test
    void givenALabelValueWithBracesAndCommas_whenScanned_thenTheSelectorEndsAtItsOwnBrace() {
        assertThat(PromQl.selectors("http_server_requests_seconds_count{uri=\"/orders/{order_id}/ship\",status=\"201\"}"
                        + " + ignoring(status) process_uptime_seconds"))
                .containsExactly(
                        new Selector("http_server_requests_seconds_count", Set.of("uri", "status")),
                        new Selector("process_uptime_seconds", Set.of()));
    }

    @Test
    void givenASelectorNamedByItsNameLabel_whenScanned_thenThatNameIsTheMetric() {
        assertThat(PromQl.selectors("{__name__=\"jvm_threads_live_threads\", instance=\"a\"}"))
                .containsExactly(new Selector("jvm_threads_live_threads", Set.of("instance")));
    }

    @Test
    void givenASelectorThatMatchesNamesByRegex_whenScanned_thenItIsRefused() {
        assertThatThrownBy(() -> PromQl.selectors("{__name__=~\"gateway_.*\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without a fixed metric name");
    }
}
