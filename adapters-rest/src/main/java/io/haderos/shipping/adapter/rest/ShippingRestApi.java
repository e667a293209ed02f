package io.haderos.shipping.adapter.rest;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.util.Objects;
import java.util.Optional;
import org.glassfish.jersey.jackson.JacksonFeature;

/**
 * The gateway's REST API (docs/architecture.md#rest-contract) as one JAX-RS feature: the resources, the dashboard, the
 * OpenAPI document that describes them all ({@code /openapi}), the JSON configuration, the operators' bearer-token
 * check and the {@code application/problem+json} error mappers.
 *
 * <p>The resources take their use cases by constructor injection, so the application that registers this
 * feature must also bind instances of {@link io.haderos.shipping.application.port.in.QuoteRatesUseCase},
 * {@link io.haderos.shipping.application.port.in.ShipOrderUseCase},
 * {@link io.haderos.shipping.application.port.in.FindShipmentUseCase},
 * {@link io.haderos.shipping.application.port.in.TrackShipmentUseCase},
 * {@link io.haderos.shipping.application.port.in.MonitorCircuitBreakersUseCase},
 * {@link io.haderos.shipping.application.port.in.ReadCircuitTransitionsUseCase} and
 * {@link io.haderos.shipping.application.port.in.OverrideCircuitBreakerUseCase}:
 *
 * <pre>{@code
 * new ResourceConfig()
 *         .register(new ShippingRestApi(settings.adminToken()))
 *         .register(binderOfTheUseCases)
 *         .property(ServerProperties.WADL_FEATURE_DISABLE, true);
 * }</pre>
 *
 * <p>Jackson is registered without its own exception mappers, so that malformed or mistyped input always
 * becomes a 400 problem naming the field, never a 500 or a message that shows our classes.
 */
public final class ShippingRestApi implements Feature {

    private final AdminAuthentication adminAuthentication;

    /**
     * @param adminToken the bearer token operator actions require ({@code admin.token}); empty, or blank,
     *                   disables them. Kept only as a digest, never logged or shown.
     */
    public ShippingRestApi(Optional<String> adminToken) {
        this.adminAuthentication = new AdminAuthentication(Objects.requireNonNull(adminToken, "adminToken"));
    }

    /** Whether operator actions are enabled, that is whether an admin token was given. */
    public boolean operatorActionsEnabled() {
        return adminAuthentication.enabled();
    }

    @Override
    public boolean configure(FeatureContext context) {
        context.register(JacksonFeature.withoutExceptionMappers());
        context.register(new ObjectMapperResolver());
        context.register(adminAuthentication);
        context.register(new RequestLog());

        context.register(RatesResource.class);
        context.register(OrderShipmentResource.class);
        context.register(ShipmentTrackingResource.class);
        context.register(CircuitBreakerMonitoringResource.class);
        context.register(DashboardResource.class);
        context.register(HealthResource.class);
        context.register(OpenApiResource.class);
        context.register(OpenApiResource.YamlFile.class);
        context.register(OpenApiResource.JsonFile.class);

        ProblemMappers.all().forEach(context::register);
        return true;
    }
}
