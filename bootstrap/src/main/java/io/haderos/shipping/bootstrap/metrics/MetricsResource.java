package io.haderos.shipping.bootstrap.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * {@code GET /metrics} for Prometheus: the text format 0.0.4, or OpenMetrics 1.0.0 when the scraper accepts
 * {@code application/openmetrics-text} (as Prometheus itself does by default).
 *
 * <p>A JAX-RS resource rather than a Grizzly handler: it lives on the gateway's one port and one Jersey
 * application with one registration, and scrapes are counted and error-mapped like every other request.
 * Public only because Jersey invokes its method reflectively; {@link GatewayMetrics#jaxRsFeature()} creates it.
 */
@Path("/metrics")
public final class MetricsResource {

    // The Prometheus client's writers declare the same (a test holds them equal); they are not on the
    // compile class path, being a runtime dependency of micrometer-registry-prometheus.
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPENMETRICS_TEXT = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    MetricsResource(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    /** Every metric, in the format the {@code Accept} header asks for. */
    @GET
    public Response scrape(@HeaderParam(HttpHeaders.ACCEPT) String accept) {
        String contentType =
                accept != null && accept.contains("application/openmetrics-text") ? OPENMETRICS_TEXT : PROMETHEUS_TEXT;
        // Written straight to the response: no copy of the whole exposition in memory.
        StreamingOutput body = output -> registry.scrape(output, contentType);
        return Response.ok(body).header(HttpHeaders.CONTENT_TYPE, contentType).build();
    }
}
