package io.haderos.shipping.adapter.rest;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.glassfish.jersey.jackson.JacksonFeature;

/**
 * The gateway's REST API (docs/architecture.md#rest-contract) as one JAX-RS feature: the resources, the dashboard, the
 * JSON configuration, client and operator authentication, per-client rate limits, the request body limits, the
 * security headers, request ids and the request log, the OpenAPI document that describes them all
 * ({@code /openapi}), and the {@code application/problem+json} error mappers (docs/architecture.md#security).
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
 *         .register(ShippingRestApi.builder()
 *                 .adminToken(settings.adminToken())
 *                 .clients(ClientTokens.of(digestsByClient))
 *                 .build())
 *         .register(binderOfTheUseCases)
 *         .property(ServerProperties.WADL_FEATURE_DISABLE, true);
 * }</pre>
 *
 * <p>Jackson is registered without its own exception mappers, so that malformed or mistyped input always
 * becomes a 400 problem naming the field, never a 500 or a message that shows our classes.
 */
public final class ShippingRestApi implements Feature {

    /**
     * The request property under which the server puts the address a request came from (a string such as
     * {@code 203.0.113.7}); refused authentications are logged per address. Without it they are logged as from an
     * unknown address.
     */
    public static final String REMOTE_ADDRESS = "io.haderos.shipping.remote-address";

    private final AdminAuthentication adminAuthentication;
    private final ClientAuthentication clientAuthentication;
    private final long maxBodyBytes;

    private ShippingRestApi(Builder builder) {
        Doorkeeper doorkeeper = new Doorkeeper(builder.observer, new RefusalLog(builder.clock));
        this.adminAuthentication = new AdminAuthentication(builder.adminToken, doorkeeper);
        this.clientAuthentication = new ClientAuthentication(builder.clients, builder.rateLimits, doorkeeper);
        this.maxBodyBytes = builder.maxBodyBytes;
    }

    /**
     * The API with operator actions guarded by {@code adminToken}, and every other default of {@link #builder()}: no
     * client authentication (every request is the anonymous client's), no rate limit.
     *
     * @param adminToken the bearer token operator actions require ({@code admin.token}); empty, or blank,
     *                   disables them. Kept only as a digest, never logged or shown.
     */
    public ShippingRestApi(Optional<String> adminToken) {
        this(builder().adminToken(adminToken));
    }

    /** A builder with the defaults: no admin token, anonymous clients, no rate limit, 262,144-byte bodies. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether operator actions are enabled, that is whether an admin token was given. */
    public boolean operatorActionsEnabled() {
        return adminAuthentication.enabled();
    }

    @Override
    public boolean configure(FeatureContext context) {
        context.register(JacksonFeature.withoutExceptionMappers());
        context.register(new ObjectMapperResolver(maxBodyBytes));
        context.register(new RequestBodyLimits(maxBodyBytes));
        context.register(adminAuthentication);
        context.register(new RequestLog());
        context.register(clientAuthentication);
        context.register(new PathParameters());
        context.register(new SecurityHeaders());

        context.register(RatesResource.class);
        context.register(OrderShipmentResource.class);
        context.register(HeldOrdersResource.class);
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

    /** The API's settings; each has a default. */
    public static final class Builder {

        private Optional<String> adminToken = Optional.empty();
        private ClientTokens clients = ClientTokens.anonymous();
        private ClientRateLimits rateLimits = ClientRateLimits.unlimited();
        private AccessObserver observer = AccessObserver.none();
        private long maxBodyBytes = ObjectMapperResolver.DEFAULT_MAX_BODY_BYTES;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** The operators' bearer token ({@code admin.token}); empty (the default) or blank disables operator actions. */
        public Builder adminToken(Optional<String> adminToken) {
            this.adminToken = Objects.requireNonNull(adminToken, "adminToken");
            return this;
        }

        /** The clients of the shipping API; {@link ClientTokens#anonymous()} (the default) authenticates nobody. */
        public Builder clients(ClientTokens clients) {
            this.clients = Objects.requireNonNull(clients, "clients");
            return this;
        }

        /** Each client's rate limit; {@link ClientRateLimits#unlimited()} by default. */
        public Builder rateLimits(ClientRateLimits rateLimits) {
            this.rateLimits = Objects.requireNonNull(rateLimits, "rateLimits");
            return this;
        }

        /** Sees every refused authentication and rate-limited request; {@link AccessObserver#none()} by default. */
        public Builder observer(AccessObserver observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        /**
         * The largest request body accepted, in bytes (262,144 by default); a larger one is answered 413.
         *
         * @throws IllegalArgumentException when not positive
         */
        public Builder maxBodyBytes(long maxBodyBytes) {
            if (maxBodyBytes < 1) {
                throw new IllegalArgumentException("maxBodyBytes must be positive");
            }
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /** The clock of the refusal log's one-line-a-minute rule; the system's UTC clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The API with these settings, to register on a Jersey application. */
        public ShippingRestApi build() {
            return new ShippingRestApi(this);
        }
    }
}
