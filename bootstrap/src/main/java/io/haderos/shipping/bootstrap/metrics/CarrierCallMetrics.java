package io.haderos.shipping.bootstrap.metrics;

import static io.haderos.shipping.bootstrap.metrics.GatewayMetrics.tag;

import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.policy.CarrierOperation;
import io.haderos.shipping.domain.port.out.CarrierCallObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;

/**
 * {@code gateway_carrier_call_seconds{carrier,operation,outcome}} (a histogram with fixed buckets, so latency
 * quantiles can be computed across instances) and {@code gateway_fallbacks_total{operation,from,to}}.
 */
final class CarrierCallMetrics implements CarrierCallObserver {

    private final Meter.MeterProvider<Timer> calls;
    private final Meter.MeterProvider<Counter> fallbacks;

    CarrierCallMetrics(MeterRegistry registry, List<CarrierId> carrierOrder) {
        this.calls = Timer.builder("gateway.carrier.call")
                .description("Carrier calls made by the rates and ship use cases, by carrier, operation and outcome"
                        + " (circuit_open: refused by the breaker without a call)")
                .serviceLevelObjectives(GatewayMetrics.LATENCY_BUCKETS.toArray(Duration[]::new))
                .withRegistry(registry);
        this.fallbacks = Counter.builder("gateway.fallbacks")
                .description("Moves to the next carrier after a failure that allows it, by operation and carriers")
                .withRegistry(registry);
        for (CarrierOperation operation : CarrierOperation.values()) {
            for (int i = 0; i + 1 < carrierOrder.size(); i++) {
                fallback(operation, carrierOrder.get(i), carrierOrder.get(i + 1));
            }
        }
    }

    @Override
    public void called(CarrierId carrier, CarrierOperation operation, AttemptOutcome outcome, Duration elapsed) {
        try {
            calls.withTags("carrier", carrier.value(), "operation", tag(operation), "outcome", tag(outcome))
                    .record(elapsed);
        } catch (RuntimeException e) {
            // Runs inside a shipment or rates request: a metrics fault must never fail it.
        }
    }

    @Override
    public void fellBack(CarrierOperation operation, CarrierId from, CarrierId to) {
        try {
            fallback(operation, from, to).increment();
        } catch (RuntimeException e) {
            // As above: never fail the request for a metric.
        }
    }

    private Counter fallback(CarrierOperation operation, CarrierId from, CarrierId to) {
        return fallbacks.withTags("operation", tag(operation), "from", from.value(), "to", to.value());
    }
}
