package io.haderos.shipping.bootstrap.metrics;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetricsPublisher;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetricsPublisher;
import io.haderos.shipping.adapter.resilience4j.CarrierCircuitBreaker;
import io.haderos.shipping.adapter.rest.AccessObserver;
import io.haderos.shipping.application.port.out.CarrierCallObserver;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.ClientId;
import io.haderos.shipping.domain.policy.HedgeDelay;
import io.haderos.shipping.domain.port.out.CircuitTransitionListener;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.ws.rs.core.Feature;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The gateway's Prometheus metrics (docs/architecture.md#operations), served at {@code GET /metrics}.
 *
 * <p>One registry holds:
 * <ul>
 *   <li>JVM metrics: memory, GC, threads, class loading, processor, uptime;</li>
 *   <li>resilience4j's own breaker metrics ({@code resilience4j_circuitbreaker_state{name,state}},
 *       {@code _calls_seconds}, {@code _not_permitted_calls_total}, {@code _buffered_calls},
 *       {@code _failure_rate}, …) for the breakers given to {@link #bindCircuitBreakers}, so existing
 *       resilience4j dashboards work unchanged;</li>
 *   <li>resilience4j's bulkhead metrics ({@code resilience4j_bulkhead_available_concurrent_calls},
 *       {@code _max_allowed_concurrent_calls}) and, per carrier, {@code gateway_carrier_calls_in_flight},
 *       {@code gateway_slow_calls_total{carrier,operation}} and {@code gateway_busy_refusals_total{carrier,operation}},
 *       also from {@link #bindCircuitBreakers}; {@code gateway_hedge_delay_seconds{carrier}} from
 *       {@link #bindHedgeDelays};</li>
 *   <li>{@code gateway_circuit_transitions_total{carrier,from,to}} from {@link #transitionListener()};</li>
 *   <li>{@code gateway_fallbacks_total{operation,from,to}}, {@code gateway_hedges_total{from,to,winner}},
 *       {@code gateway_trial_probes_total{carrier,outcome}} and the histogram
 *       {@code gateway_carrier_call_seconds{carrier,operation,outcome}} from {@link #carrierCallObserver()};</li>
 *   <li>{@code http_server_requests_seconds{method,uri,status,outcome}} from {@link #jaxRsFeature()}, with
 *       {@code uri} the route template, never the raw path;</li>
 *   <li>{@code gateway_auth_refusals_total{kind,reason}} and {@code gateway_rate_limited_requests_total{client}} from
 *       {@link #accessObserver};</li>
 *   <li>{@code gateway_held_orders} and {@code gateway_held_order_oldest_seconds} from {@link #bindHeldOrders}.</li>
 * </ul>
 * Tag values are lower case ({@code half_open}, {@code quote_rates}, {@code circuit_open}).
 *
 * <p>Create it before the breakers (they need its listener), bind the breakers once they exist, register
 * {@link #jaxRsFeature()} on the Jersey application, and close it on shutdown. Thread-safe.
 */
public final class GatewayMetrics implements AutoCloseable {

    /**
     * Histogram buckets for carrier calls and HTTP requests, in seconds: from a cache-fast 5 ms to beyond the
     * carriers' default 10 s timeout (a rates request that falls back can take two timeouts).
     */
    static final List<Duration> LATENCY_BUCKETS = List.of(
            Duration.ofMillis(5),
            Duration.ofMillis(10),
            Duration.ofMillis(25),
            Duration.ofMillis(50),
            Duration.ofMillis(100),
            Duration.ofMillis(250),
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofMillis(2500),
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Duration.ofSeconds(30));

    private final List<Object> boundSuppliers = new CopyOnWriteArrayList<>();
    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gcMetrics;
    private final CircuitTransitionMetrics transitions;
    private final CarrierCallMetrics carrierCalls;
    private final TaggedCircuitBreakerMetricsPublisher breakerMetrics;
    private final TaggedBulkheadMetricsPublisher bulkheadMetrics;
    private final Map<String, CircuitBreaker> boundBreakers = new HashMap<>();

    private GatewayMetrics(PrometheusMeterRegistry registry, List<CarrierId> carrierOrder) {
        this.registry = registry;
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        this.gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        this.transitions = new CircuitTransitionMetrics(registry, carrierOrder);
        this.carrierCalls = new CarrierCallMetrics(registry, carrierOrder);
        this.breakerMetrics = new TaggedCircuitBreakerMetricsPublisher(registry);
        this.bulkheadMetrics = new TaggedBulkheadMetricsPublisher(registry);
    }

    /**
     * A registry with the JVM metrics bound, and the transition and fallback counters of {@code carrierOrder}
     * already present at zero (a counter that first appears at 1 hides its first increase from
     * {@code increase()} and {@code rate()}).
     *
     * @param carrierOrder the carriers in the order the gateway tries them; may be empty
     */
    public static GatewayMetrics create(List<CarrierId> carrierOrder) {
        List<CarrierId> order = List.copyOf(Objects.requireNonNull(carrierOrder, "carrierOrder"));
        return new GatewayMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), order);
    }

    /**
     * Counts every breaker transition as {@code gateway_circuit_transitions_total{carrier,from,to}}. Returns at
     * once and never throws, so it may run on the carrier call's thread. Pass it (alone or beside other
     * listeners) to {@link CarrierCircuitBreaker#create}.
     */
    public CircuitTransitionListener transitionListener() {
        return transitions;
    }

    /**
     * Records every carrier call as {@code gateway_carrier_call_seconds{carrier,operation,outcome}} and every
     * move to the next carrier as {@code gateway_fallbacks_total{operation,from,to}}. Returns at once and
     * never throws. Pass it to the rates and ship use cases.
     */
    public CarrierCallObserver carrierCallObserver() {
        return carrierCalls;
    }

    /**
     * Counts refused authentications as {@code gateway_auth_refusals_total{kind,reason}} and rate-limited requests as
     * {@code gateway_rate_limited_requests_total{client}}, each of {@code clients} at zero from the start. Returns at
     * once and never throws. Pass it to the REST API.
     */
    public AccessObserver accessObserver(List<ClientId> clients) {
        return new AccessMetrics(registry, clients);
    }

    /**
     * Publishes resilience4j's standard metrics of each breaker, tagged {@code name} = the carrier id.
     * Binding the same breaker again changes nothing.
     *
     * @throws IllegalArgumentException when a different breaker with the same carrier is already bound
     */
    public synchronized void bindCircuitBreakers(Collection<CarrierCircuitBreaker> breakers) {
        for (CarrierCircuitBreaker breaker : breakers) {
            CircuitBreaker engine = breaker.resilience4j();
            CircuitBreaker bound = boundBreakers.get(engine.getName());
            if (bound == engine) {
                continue;
            }
            if (bound != null) {
                throw new IllegalArgumentException(
                        "another circuit breaker named '" + engine.getName() + "' is already bound");
            }
            // Binding twice would add a second set of event consumers and count every call twice.
            breakerMetrics.publishMetrics(engine);
            bulkheadMetrics.publishMetrics(breaker.resilience4jBulkhead());
            CarrierGuardMetrics.bind(registry, breaker);
            boundBreakers.put(engine.getName(), engine);
        }
    }

    /** Publishes the transitions waiting to be written to the audit trail as {@code gateway_audit_trail_backlog}. */
    public void bindAuditTrail(IntSupplier backlog) {
        keep(backlog);
        Gauge.builder("gateway.audit.trail.backlog", backlog, IntSupplier::getAsInt)
                .description("Breaker transitions queued for the audit trail and not yet written (the database is"
                        + " slow or away while this grows)")
                .register(registry);
    }

    /**
     * Publishes an alert channel's failed delivery attempts as {@code gateway_alert_delivery_failures_total{channel}}
     * and the notices it gave up on as {@code gateway_alert_notices_dropped_total{channel}}.
     */
    public void bindAlertChannel(String channel, LongSupplier failedAttempts, LongSupplier droppedNotices) {
        keep(failedAttempts);
        keep(droppedNotices);
        FunctionCounter.builder("gateway.alert.delivery.failures", failedAttempts, LongSupplier::getAsLong)
                .description("Failed attempts to deliver an outage notice, retries included")
                .tag("channel", channel)
                .register(registry);
        FunctionCounter.builder("gateway.alert.notices.dropped", droppedNotices, LongSupplier::getAsLong)
                .description("Outage notices given up on: attempts exhausted, queue full, or undelivered at shutdown")
                .tag("channel", channel)
                .register(registry);
    }

    /**
     * Publishes the held orders (outcome unknown, or claims abandoned mid-call) as {@code gateway_held_orders} and how
     * long the oldest has waited as {@code gateway_held_order_oldest_seconds} (0 when none). Both suppliers must be
     * cheap: they read the count last taken by the reconciler's pass, never the database.
     */
    public void bindHeldOrders(LongSupplier count, DoubleSupplier oldestSeconds) {
        keep(count);
        keep(oldestSeconds);
        Gauge.builder("gateway.held.orders", count, LongSupplier::getAsLong)
                .description("Orders held for an operator because their outcome at the carrier is unknown, as last"
                        + " counted (every orders.reconcile-interval)")
                .register(registry);
        Gauge.builder("gateway.held.order.oldest", oldestSeconds, DoubleSupplier::getAsDouble)
                .description("How long the oldest held order has waited, in seconds; 0 when none is held")
                .baseUnit("seconds")
                .register(registry);
    }

    /**
     * Micrometer holds a gauge's or function counter's object weakly: a method reference passed in would be collected
     * and the series would read NaN. The suppliers bound here live as long as these metrics.
     */
    private void keep(Object supplier) {
        boundSuppliers.add(supplier);
    }

    /**
     * Publishes each carrier's rate-quote hedge delay in effect as {@code gateway_hedge_delay_seconds{carrier}}
     * (absent for a carrier whose quotes are never hedged).
     */
    public void bindHedgeDelays(Map<CarrierId, HedgeDelay> delays) {
        CarrierGuardMetrics.bindHedgeDelays(registry, delays);
    }

    /**
     * A JAX-RS feature for the gateway's Jersey application: the {@code GET /metrics} resource (Prometheus
     * text format 0.0.4, or OpenMetrics 1.0.0 when the request accepts {@code application/openmetrics-text})
     * and the {@code http_server_requests_seconds} request metrics. Register it on the {@code ResourceConfig}.
     */
    public Feature jaxRsFeature() {
        return context -> {
            context.register(new HttpServerMetrics(registry));
            context.register(new MetricsResource(registry));
            return true;
        };
    }

    /** Stops the GC notifications and closes the registry. */
    @Override
    public void close() {
        gcMetrics.close();
        registry.close();
    }

    /** Everything, in the Prometheus text format 0.0.4. */
    String scrape() {
        return registry.scrape(MetricsResource.PROMETHEUS_TEXT);
    }

    MeterRegistry registry() {
        return registry;
    }

    /** An enum constant as a tag value: {@code HALF_OPEN} → {@code half_open}. */
    static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
