package io.haderos.shipping.adapter.rest;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.jackson.JacksonFeature;

/**
 * The gateway's REST API (DESIGN.md §5) as one JAX-RS feature: the resources, the JSON configuration and
 * the {@code application/problem+json} error mappers.
 *
 * <p>The resources take their use cases by constructor injection, so the application that registers this
 * feature must also bind instances of {@link io.haderos.shipping.application.port.in.QuoteRatesUseCase},
 * {@link io.haderos.shipping.application.port.in.ShipOrderUseCase},
 * {@link io.haderos.shipping.application.port.in.FindShipmentUseCase},
 * {@link io.haderos.shipping.application.port.in.TrackShipmentUseCase} and
 * {@link io.haderos.shipping.application.port.in.MonitorCircuitBreakersUseCase}:
 *
 * <pre>{@code
 * new ResourceConfig()
 *         .register(new ShippingRestApi())
 *         .register(binderOfTheUseCases)
 *         .property(ServerProperties.WADL_FEATURE_DISABLE, true);
 * }</pre>
 *
 * <p>Jackson is registered without its own exception mappers, so that malformed or mistyped input always
 * becomes a 400 problem naming the field, never a 500 or a message that shows our classes.
 */
public final class ShippingRestApi implements Feature {

    @Override
    public boolean configure(FeatureContext context) {
        context.register(JacksonFeature.withoutExceptionMappers());
        context.register(new ObjectMapperResolver());

        context.register(RatesResource.class);
        context.register(OrderShipmentResource.class);
        context.register(ShipmentTrackingResource.class);
        context.register(CircuitBreakerMonitoringResource.class);

        ProblemMappers.all().forEach(context::register);
        return true;
    }
}
