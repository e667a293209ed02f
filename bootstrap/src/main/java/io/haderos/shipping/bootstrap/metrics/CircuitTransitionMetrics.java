package io.haderos.shipping.bootstrap.metrics;

import static io.haderos.shipping.bootstrap.metrics.GatewayMetrics.tag;

import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.port.out.CircuitTransitionListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * {@code gateway_circuit_transitions_total{carrier,from,to}}: resilience4j has a state gauge but no transition
 * counter, and a gauge sampled every 15 s misses a breaker that opens and recovers in between.
 */
final class CircuitTransitionMetrics implements CircuitTransitionListener {

    /** The transitions a breaker makes by itself (docs/architecture.md#circuit-breaker); operator overrides appear when they happen. */
    private static final List<Transition> AUTOMATIC = List.of(
            new Transition(CircuitState.CLOSED, CircuitState.OPEN),
            new Transition(CircuitState.OPEN, CircuitState.HALF_OPEN),
            new Transition(CircuitState.HALF_OPEN, CircuitState.OPEN),
            new Transition(CircuitState.HALF_OPEN, CircuitState.CLOSED));

    private final Meter.MeterProvider<Counter> transitions;

    CircuitTransitionMetrics(MeterRegistry registry, List<CarrierId> carriers) {
        this.transitions = Counter.builder("gateway.circuit.transitions")
                .description("Circuit breaker state transitions, by carrier and from/to state")
                .withRegistry(registry);
        for (CarrierId carrier : carriers) {
            for (Transition transition : AUTOMATIC) {
                counter(carrier, transition.from(), transition.to());
            }
        }
    }

    @Override
    public void onTransition(CircuitStateChanged event) {
        try {
            counter(event.carrier(), event.from(), event.to()).increment();
        } catch (RuntimeException e) {
            // Runs on the carrier call's thread: a metrics fault must never fail the call.
        }
    }

    private Counter counter(CarrierId carrier, CircuitState from, CircuitState to) {
        return transitions.withTags("carrier", carrier.value(), "from", tag(from), "to", tag(to));
    }

    private record Transition(CircuitState from, CircuitState to) {}
}
