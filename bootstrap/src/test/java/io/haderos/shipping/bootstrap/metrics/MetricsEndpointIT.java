package io.haderos.shipping.bootstrap.metrics;

import static io.haderos.shipping.domain.model.CarrierId.ARAMEX;
import static io.haderos.shipping.domain.model.CarrierId.SMSA;
import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics}: the format a scraper asks for, with the content type that names it. */
class MetricsEndpointIT {

    private static GatewayMetrics metrics;
    private static MetricsTestServer server;

    @BeforeAll
    static void start() {
        metrics = GatewayMetrics.create(List.of(ARAMEX, SMSA));
        server = MetricsTestServer.start(metrics);
    }

    @AfterAll
    static void stop() {
        server.close();
        metrics.close();
    }

    @Test
    void givenAPlainScraper_whenItGetsMetrics_thenItReceivesTheTextFormat004() {
        HttpResponse<String> response = server.get("/metrics", "*/*");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body())
                .contains("# TYPE gateway_circuit_transitions_total counter\n")
                .contains("gateway_circuit_transitions_total{carrier=\"aramex\",from=\"closed\",to=\"open\"} 0.0\n")
                .doesNotContain("# EOF");
    }

    @Test
    void givenAScraperThatAcceptsOpenMetrics_whenItGetsMetrics_thenItReceivesOpenMetrics() {
        HttpResponse<String> response = server.get(
                "/metrics",
                "application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.2,*/*;q=0.1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("application/openmetrics-text; version=1.0.0; charset=utf-8");
        assertThat(response.body())
                .contains("# TYPE gateway_circuit_transitions counter\n")
                .endsWith("# EOF\n");
    }

    @Test
    void givenAnAcceptHeaderForJson_whenItGetsMetrics_thenItStillReceivesTheTextFormat() {
        HttpResponse<String> response = server.get("/metrics", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
    }

    @Test
    void theDeclaredContentTypesAreThoseOfThePrometheusWriters() {
        assertThat(MetricsResource.PROMETHEUS_TEXT).isEqualTo(PrometheusTextFormatWriter.CONTENT_TYPE);
        assertThat(MetricsResource.OPENMETRICS_TEXT).isEqualTo(OpenMetricsTextFormatWriter.CONTENT_TYPE);
    }
}
