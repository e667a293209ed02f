package io.haderos.shipping.bootstrap.metrics;

import static io.haderos.shipping.bootstrap.metrics.GatewayMetrics.tag;

import io.haderos.shipping.adapter.resilience4j.CarrierCircuitBreaker;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.policy.CarrierOperation;
import io.haderos.shipping.domain.policy.HedgeDelay;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;

/**
 * What the guards of a carrier's calls do (docs/architecture.md#slowness-and-hangs): calls in flight, slow calls, busy refusals and the hedge
 * delay in effect. Every value is read from the breaker or the delay when scraped; nothing is added to a call.
 */
final class CarrierGuardMetrics {

    private CarrierGuardMetrics() {}

    static void bind(MeterRegistry registry, CarrierCircuitBreaker breaker) {
        String carrier = breaker.carrier().value();
        Gauge.builder("gateway.carrier.calls.in.flight", breaker, CarrierCircuitBreaker::callsInFlight)
                .description("Asynchronous calls to the carrier in flight now (its bulkhead holds at most"
                        + " max-concurrent-calls)")
                .tag("carrier", carrier)
                .register(registry);
        for (CarrierOperation operation : CarrierOperation.values()) {
            FunctionCounter.builder("gateway.slow.calls", breaker, b -> b.slowCalls(operation))
                    .description("Carrier calls counted as faults because they were still in flight past their"
                            + " operation's slow-call threshold")
                    .tags("carrier", carrier, "operation", tag(operation))
                    .register(registry);
            FunctionCounter.builder("gateway.busy.refusals", breaker, b -> b.busyRefusals(operation))
                    .description("Carrier calls not sent because the carrier's bulkhead was full")
                    .tags("carrier", carrier, "operation", tag(operation))
                    .register(registry);
        }
    }

    static void bindHedgeDelays(MeterRegistry registry, Map<CarrierId, HedgeDelay> delays) {
        delays.forEach((carrier, delay) -> Gauge.builder(
                        "gateway.hedge.delay",
                        delay,
                        d -> d.current().map(value -> value.toNanos() / 1e9).orElse(Double.NaN))
                .description("How long a rate quote waits for the carrier before asking the next one as well")
                .baseUnit("seconds")
                .tag("carrier", carrier.value())
                .register(registry));
    }
}
