package io.haderos.shipping.adapter.rest;

import io.haderos.shipping.application.port.in.MonitorCircuitBreakersUseCase;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/v1/integrations/monitoring/circuit-breakers}: every breaker's state and the alerts. */
@Singleton
@Path("/api/v1/integrations/monitoring/circuit-breakers")
public final class CircuitBreakerMonitoringResource {

    private final MonitorCircuitBreakersUseCase monitor;

    @Inject
    public CircuitBreakerMonitoringResource(MonitorCircuitBreakersUseCase monitor) {
        this.monitor = monitor;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public MonitoringReportResponse report() {
        return MonitoringReportResponse.from(monitor.report());
    }
}
