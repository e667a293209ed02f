package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.OperatorOverride;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.Checks;

/**
 * Put a carrier's breaker in {@code target} at once, on an operator's authority.
 *
 * @param target {@code FORCED_OPEN}, {@code DISABLED} or {@code CLOSED} ({@link OperatorOverride#TARGETS})
 * @param actor  who gives the order, recorded on the transition
 * @param reason why, recorded on the transition as its cause
 */
public record OverrideCircuitBreakerCommand(CarrierId carrier, CircuitState target, String actor, String reason) {

    public OverrideCircuitBreakerCommand {
        Checks.required(carrier, "carrier");
        OperatorOverride override = new OperatorOverride(target, actor, reason);
        actor = override.actor();
        reason = override.reason();
    }

    /** The order, for the breakers. */
    public OperatorOverride toOverride() {
        return new OperatorOverride(target, actor, reason);
    }
}
