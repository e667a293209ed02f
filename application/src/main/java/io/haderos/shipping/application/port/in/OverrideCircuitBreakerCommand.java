package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.OperatorOverride;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * Put a carrier's breakers in {@code target}, on every instance, on an operator's authority.
 *
 * @param target {@code FORCED_OPEN}, {@code DISABLED} or {@code CLOSED} ({@link OperatorOverride#TARGETS})
 * @param actor  who gives the order, recorded on the transitions
 * @param reason why, recorded on the transitions as their cause
 * @param until  for {@code FORCED_OPEN} and {@code DISABLED}, when the order ends by itself (a maintenance window):
 *               in the future, at most {@link OperatorOverride#MAX_WINDOW} ahead; empty when an operator ends it
 */
public record OverrideCircuitBreakerCommand(
        CarrierId carrier, CircuitState target, String actor, String reason, Optional<Instant> until) {

    public OverrideCircuitBreakerCommand {
        Checks.required(carrier, "carrier");
        OperatorOverride override = new OperatorOverride(target, actor, reason, until);
        actor = override.actor();
        reason = override.reason();
    }

    /** An order that only an operator ends. */
    public OverrideCircuitBreakerCommand(CarrierId carrier, CircuitState target, String actor, String reason) {
        this(carrier, target, actor, reason, Optional.empty());
    }

    /** The order, for the breakers. */
    public OperatorOverride toOverride() {
        return new OperatorOverride(target, actor, reason, until);
    }
}
