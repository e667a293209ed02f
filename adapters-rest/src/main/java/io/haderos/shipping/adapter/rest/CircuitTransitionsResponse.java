package io.haderos.shipping.adapter.rest;

import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import io.haderos.shipping.domain.circuit.RecordedTransition;
import io.haderos.shipping.domain.model.CarrierId;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code {"breaker":"aramex","transitions":[{"instance_id","sequence","from","to","occurred_at","failure_count",
 * "success_count","cause","actor","recorded_at"}]}}, newest first. {@code actor} is null unless an operator
 * caused the transition.
 */
record CircuitTransitionsResponse(String breaker, List<Transition> transitions) {

    static CircuitTransitionsResponse from(CarrierId carrier, List<RecordedTransition> transitions) {
        return new CircuitTransitionsResponse(
                carrier.value(), transitions.stream().map(Transition::from).toList());
    }

    record Transition(
            String instanceId,
            long sequence,
            String from,
            String to,
            Instant occurredAt,
            int failureCount,
            int successCount,
            String cause,
            String actor,
            Instant recordedAt) {

        static Transition from(RecordedTransition recorded) {
            CircuitStateChanged changed = recorded.transition();
            return new Transition(
                    recorded.instanceId(),
                    changed.sequence(),
                    name(changed.from()),
                    name(changed.to()),
                    changed.at(),
                    changed.failureCount(),
                    changed.successCount(),
                    changed.cause(),
                    changed.actor().orElse(null),
                    recorded.recordedAt());
        }
    }

    /** {@code half_open}, {@code forced_open}: the names the monitoring report uses. */
    static String name(CircuitState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
