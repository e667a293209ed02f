package io.haderos.shipping.adapter.rest;

import static io.haderos.shipping.adapter.rest.InvalidRequestException.at;

import io.haderos.shipping.application.port.in.MonitorCircuitBreakersUseCase;
import io.haderos.shipping.application.port.in.OverrideCircuitBreakerCommand;
import io.haderos.shipping.application.port.in.OverrideCircuitBreakerUseCase;
import io.haderos.shipping.application.port.in.ReadCircuitTransitionsQuery;
import io.haderos.shipping.application.port.in.ReadCircuitTransitionsUseCase;
import io.haderos.shipping.application.port.in.UnknownCarrierException;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.InvalidValueException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * Monitoring and operator control of the breakers (docs/architecture.md#rest-contract):
 * <ul>
 *   <li>{@code GET  /api/v1/integrations/monitoring/circuit-breakers}: every breaker's state and the alerts;</li>
 *   <li>{@code GET  /api/v1/integrations/monitoring/circuit-breakers/{name}/transitions?since=&until=&limit=}:
 *       the breaker's audit trail, newest first;</li>
 *   <li>{@code PUT  /api/v1/integrations/monitoring/circuit-breakers/{name}/state}: an operator override for the
 *       whole fleet, {@link AdminOnly};</li>
 *   <li>{@code GET  /api/v1/integrations/monitoring/cluster}: every instance's breakers as last recorded.</li>
 * </ul>
 */
@Singleton
@Path("/api/v1/integrations/monitoring")
@Produces(MediaType.APPLICATION_JSON)
public final class CircuitBreakerMonitoringResource {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,9}");

    private final MonitorCircuitBreakersUseCase monitor;
    private final ReadCircuitTransitionsUseCase history;
    private final OverrideCircuitBreakerUseCase overrides;

    @Inject
    public CircuitBreakerMonitoringResource(
            MonitorCircuitBreakersUseCase monitor,
            ReadCircuitTransitionsUseCase history,
            OverrideCircuitBreakerUseCase overrides) {
        this.monitor = monitor;
        this.history = history;
        this.overrides = overrides;
    }

    /** Every breaker's snapshot, keyed by carrier in the configured order, and the active alerts. */
    @GET
    @Path("circuit-breakers")
    public MonitoringReportResponse report() {
        return MonitoringReportResponse.from(monitor.report());
    }

    /**
     * @param since inclusive, ISO-8601; empty or absent for no bound
     * @param until exclusive, ISO-8601; empty or absent for no bound
     * @param limit 1 to 1000; 50 when empty or absent
     */
    @GET
    @Path("circuit-breakers/{name}/transitions")
    public CompletionStage<CircuitTransitionsResponse> transitions(
            @PathParam("name") String name,
            @QueryParam("since") String since,
            @QueryParam("until") String until,
            @QueryParam("limit") String limit) {
        CarrierId carrier = carrier(name);
        Optional<Instant> from = instant(since, "since");
        Optional<Instant> to = instant(until, "until");
        int max = limit(limit);
        ReadCircuitTransitionsQuery query = at("", () -> new ReadCircuitTransitionsQuery(carrier, from, to, max));
        return history.transitions(query).thenApply(found -> CircuitTransitionsResponse.from(carrier, found));
    }

    /**
     * Gives the operator's order to every instance sharing the database (docs/architecture.md#fleet-overrides) and
     * answers with this instance's breaker just after it, shaped like its entry in the report.
     */
    @PUT
    @Path("circuit-breakers/{name}/state")
    @AdminOnly
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletionStage<MonitoringReportResponse.Breaker> override(
            @PathParam("name") String name, CircuitStateOverrideRequest body) {
        CarrierId carrier = carrier(name);
        OverrideCircuitBreakerCommand command = RequestBodies.required(body).toCommand(carrier);
        return at("", () -> overrides.override(command)).thenApply(MonitoringReportResponse.Breaker::from);
    }

    /** Every instance's breakers as the shared audit trail last recorded them. */
    @GET
    @Path("cluster")
    public CompletionStage<ClusterStateResponse> cluster() {
        return history.cluster().thenApply(ClusterStateResponse::from);
    }

    /** A name that cannot be a carrier's is as unknown as one that is not configured. */
    private static CarrierId carrier(String name) {
        try {
            return CarrierId.of(name);
        } catch (InvalidValueException e) {
            throw new UnknownCarrierException(name);
        }
    }

    /** A query parameter left out or empty bounds nothing. */
    private static Optional<Instant> instant(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(RequestBodies.instant(value, parameter));
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return ReadCircuitTransitionsQuery.DEFAULT_LIMIT;
        }
        if (!WHOLE_NUMBER.matcher(value.strip()).matches()) {
            throw new InvalidRequestException(
                    "limit", "must be a whole number from 1 to " + ReadCircuitTransitionsQuery.MAX_LIMIT);
        }
        return Integer.parseInt(value.strip());
    }
}
