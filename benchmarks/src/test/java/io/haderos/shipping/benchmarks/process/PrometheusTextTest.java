package io.haderos.shipping.benchmarks.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    private static final String METRICS = String.join(
            "\n",
            "# HELP jvm_memory_used_bytes The amount of used memory",
            "# TYPE jvm_memory_used_bytes gauge",
            "jvm_memory_used_bytes{area=\"heap\",id=\"Tenured Gen\"} 1000.0",
            "jvm_memory_used_bytes{area=\"heap\",id=\"Eden Space\"} 250.5",
            "jvm_memory_used_bytes{area=\"nonheap\",id=\"Metaspace\"} 9999.0",
            "gateway_hedge_delay_seconds{carrier=\"aramex\"} 0.12",
            "gateway_hedge_delay_seconds{carrier=\"smsa\"} 1.0",
            "gateway_held_orders 3",
            "gateway_held_orders_oldest_seconds 120",
            "");

    @Test
    void givenSeveralSeries_thenTheMatchingOnesAreSummed() {
        assertThat(PrometheusText.sum(METRICS, "jvm_memory_used_bytes", Map.of("area", "heap")))
                .hasValue(1250.5);
    }

    @Test
    void givenALabel_thenOnlyThatSeries() {
        assertThat(PrometheusText.sum(METRICS, "gateway_hedge_delay_seconds", Map.of("carrier", "aramex")))
                .hasValue(0.12);
    }

    @Test
    void givenAMetricWithoutLabels_thenItsValue_andNotThatOfALongerName() {
        assertThat(PrometheusText.sum(METRICS, "gateway_held_orders", Map.of())).hasValue(3);
    }

    @Test
    void givenAnAbsentMetric_thenEmpty() {
        assertThat(PrometheusText.sum(METRICS, "gateway_bulkhead", Map.of())).isEmpty();
        assertThat(PrometheusText.sum(METRICS, "gateway_hedge_delay_seconds", Map.of("carrier", "dhl")))
                .isEmpty();
    }
}
