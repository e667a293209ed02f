package io.haderos.shipping.adapter.rest;

import io.haderos.shipping.application.port.in.CheckReadinessUseCase;
import io.haderos.shipping.application.port.in.CheckReadinessUseCase.Readiness;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Probes for an orchestrator: {@code GET /health/live} (the process answers) and {@code GET /health/ready}
 * (its database answers: 200 {@code {"status":"ready","checks":{"database":"up"}}}, else 503 with the problem).
 * A carrier outage leaves the gateway ready: falling back is its job.
 */
@Singleton
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

    private final CheckReadinessUseCase readiness;

    @Inject
    public HealthResource(CheckReadinessUseCase readiness) {
        this.readiness = readiness;
    }

    @GET
    @Path("live")
    public Map<String, String> live() {
        return Map.of("status", "up");
    }

    @GET
    @Path("ready")
    public CompletionStage<Response> ready() {
        return readiness.readiness().thenApply(HealthResource::answer);
    }

    private static Response answer(Readiness report) {
        Map<String, String> checks = new LinkedHashMap<>();
        report.checked().forEach(name -> checks.put(name, report.problems().getOrDefault(name, "up")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", report.ready() ? "ready" : "not_ready");
        body.put("checks", checks);
        return Response.status(report.ready() ? 200 : 503).entity(body).build();
    }
}
