package io.haderos.shipping.domain.circuit;

import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.Checks;
import io.haderos.shipping.domain.model.InvalidValueException;
import java.time.Instant;
import java.util.Optional;

/**
 * A breaker moved from one state to another.
 *
 * @param cause        why, in words fit for an audit trail (never a secret)
 * @param sequence     1, 2, 3 … per carrier per process: a gap or a duplicate downstream is detectable
 * @param failureCount consecutive carrier faults at the moment of the transition
 * @param successCount consecutive successes at the moment of the transition
 * @param actor        the operator who caused it, for manual overrides
 */
public record CircuitStateChanged(
        CarrierId carrier,
        CircuitState from,
        CircuitState to,
        Instant at,
        String cause,
        long sequence,
        int failureCount,
        int successCount,
        Optional<String> actor) {

    public CircuitStateChanged {
        Checks.required(carrier, "carrier");
        Checks.required(from, "from");
        Checks.required(to, "to");
        Checks.required(at, "at");
        cause = Checks.optionalText(cause, "cause", 500);
        if (sequence < 1) {
            throw new InvalidValueException("sequence", "must start at 1");
        }
        Checks.required(actor, "actor");
    }
}
