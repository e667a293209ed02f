package io.haderos.shipping.bootstrap.metrics;

import static io.haderos.shipping.bootstrap.metrics.GatewayMetrics.tag;

import io.haderos.shipping.application.port.out.CarrierCallObserver;
import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.policy.CarrierOperation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code gateway_carrier_call_seconds{carrier,operation,outcome}} (a histogram with fixed buckets, so latency
 * quantiles can be computed across instances), {@code gateway_fallbacks_total{operation,from,to}},
 * {@code gateway_hedges_total{from,to,winner}} ({@code winner="none"} when neither answered usably) and
 * {@code gateway_trial_probes_total{carrier,outcome}}.
 */
final class CarrierCallMetrics implements CarrierCallObserver {

    private final Meter.MeterProvider<Timer> calls;
    private final Meter.MeterProvider<Counter> fallbacks;
    private final Meter.MeterProvider<Counter> hedges;
    private final Meter.MeterProvider<Counter> probes;

    /** Each series' timer, looked up once per series rather than once per call (a bounded set of enum values). */
    private final Map<Series, Timer> callTimers = new ConcurrentHashMap<>();

    private record Series(CarrierId carrier, CarrierOperation operation, AttemptOutcome outcome) {}

    CarrierCallMetrics(MeterRegistry registry, List<CarrierId> carrierOrder) {
        this.calls = Timer.builder("gateway.carrier.call")
                .description("Carrier calls made by the rates and ship use cases, by carrier, operation and outcome"
                        + " (circuit_open: refused by the breaker without a call)")
                .serviceLevelObjectives(GatewayMetrics.LATENCY_BUCKETS.toArray(Duration[]::new))
                .withRegistry(registry);
        this.fallbacks = Counter.builder("gateway.fallbacks")
                .description("Moves to the next carrier after a failure that allows it, by operation and carriers")
                .withRegistry(registry);
        this.hedges = Counter.builder("gateway.hedges")
                .description("Rate quotes that asked the next carrier too after the hedge delay, by carriers and"
                        + " by which answered first")
                .withRegistry(registry);
        this.probes = Counter.builder("gateway.trial.probes")
                .description("Trial calls the gateway sent itself to a recovering breaker, by carrier and outcome")
                .withRegistry(registry);
        for (int i = 0; i + 1 < carrierOrder.size(); i++) {
            CarrierId from = carrierOrder.get(i);
            CarrierId to = carrierOrder.get(i + 1);
            for (CarrierOperation operation : FALLING_BACK) {
                fallback(operation, from, to);
            }
            hedge(from, to, "none");
        }
        for (CarrierId carrier : carrierOrder) {
            probe(carrier, AttemptOutcome.SUCCESS);
        }
    }

    /** The operations that may move to the next carrier; tracking asks only the carrier that has the shipment. */
    private static final List<CarrierOperation> FALLING_BACK =
            List.of(CarrierOperation.QUOTE_RATES, CarrierOperation.CREATE_SHIPMENT);

    @Override
    public void called(CarrierId carrier, CarrierOperation operation, AttemptOutcome outcome, Duration elapsed) {
        try {
            callTimers
                    .computeIfAbsent(
                            new Series(carrier, operation, outcome),
                            s -> calls.withTags(
                                    "carrier", s.carrier().value(),
                                    "operation", tag(s.operation()),
                                    "outcome", tag(s.outcome())))
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

    @Override
    public void hedged(CarrierId from, CarrierId to, Optional<CarrierId> winner) {
        try {
            hedge(from, to, winner.map(CarrierId::value).orElse("none")).increment();
        } catch (RuntimeException e) {
            // As above: never fail the request for a metric.
        }
    }

    @Override
    public void probed(CarrierId carrier, AttemptOutcome outcome) {
        try {
            probe(carrier, outcome).increment();
        } catch (RuntimeException e) {
            // A metrics fault must not stop the probing.
        }
    }

    private Counter hedge(CarrierId from, CarrierId to, String winner) {
        return hedges.withTags("from", from.value(), "to", to.value(), "winner", winner);
    }

    private Counter probe(CarrierId carrier, AttemptOutcome outcome) {
        return probes.withTags("carrier", carrier.value(), "outcome", tag(outcome));
    }

    private Counter fallback(CarrierOperation operation, CarrierId from, CarrierId to) {
        return fallbacks.withTags("operation", tag(operation), "from", from.value(), "to", to.value());
    }
}
