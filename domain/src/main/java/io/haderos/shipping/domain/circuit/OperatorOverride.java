package io.haderos.shipping.domain.circuit;

import io.haderos.shipping.domain.model.Checks;
import io.haderos.shipping.domain.model.InvalidValueException;
import java.util.Set;

/**
 * An operator's order to a breaker (docs/architecture.md#operations): hold it open, switch it off, or close it with its counts
 * cleared. It takes effect at once, and the transition it causes carries {@code actor} and {@code reason}.
 *
 * @param target the state to put the breaker in: one of {@link #TARGETS}
 * @param actor  who gave the order, 1 to {@value #MAX_ACTOR_CHARS} characters
 * @param reason why, 1 to {@value #MAX_REASON_CHARS} characters; becomes the cause of the transition
 */
public record OperatorOverride(CircuitState target, String actor, String reason) {

    /** The states an operator may put a breaker in; OPEN and HALF_OPEN belong to the breaker alone. */
    public static final Set<CircuitState> TARGETS =
            Set.of(CircuitState.FORCED_OPEN, CircuitState.DISABLED, CircuitState.CLOSED);

    public static final int MAX_ACTOR_CHARS = 100;

    /** Like the causes of transitions; the breaker cuts its own prefix plus the reason to fit the audit trail. */
    public static final int MAX_REASON_CHARS = 500;

    public OperatorOverride {
        Checks.required(target, "state");
        if (!TARGETS.contains(target)) {
            throw new InvalidValueException("state", "an operator may set only forced_open, disabled or closed");
        }
        actor = Checks.text(actor, "actor", MAX_ACTOR_CHARS);
        reason = Checks.text(reason, "reason", MAX_REASON_CHARS);
    }
}
