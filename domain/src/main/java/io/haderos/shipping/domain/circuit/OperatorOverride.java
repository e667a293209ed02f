package io.haderos.shipping.domain.circuit;

import io.haderos.shipping.domain.model.Checks;
import io.haderos.shipping.domain.model.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * An operator's order to a breaker (docs/architecture.md#fleet-overrides): hold it open, switch it off, or close it
 * with its counts cleared. It takes effect at once, and the transition it causes carries {@code actor} and
 * {@code reason}.
 *
 * @param target the state to put the breaker in: one of {@link #TARGETS}
 * @param actor  who gave the order, 1 to {@value #MAX_ACTOR_CHARS} characters
 * @param reason why, 1 to {@value #MAX_REASON_CHARS} characters; becomes the cause of the transition
 * @param until  for {@code FORCED_OPEN} and {@code DISABLED}, when the order ends by itself (a maintenance window);
 *               empty when only an operator ends it. Never present for {@code CLOSED}
 */
public record OperatorOverride(CircuitState target, String actor, String reason, Optional<Instant> until) {

    /** The states an operator may put a breaker in; OPEN and HALF_OPEN belong to the breaker alone. */
    public static final Set<CircuitState> TARGETS =
            Set.of(CircuitState.FORCED_OPEN, CircuitState.DISABLED, CircuitState.CLOSED);

    public static final int MAX_ACTOR_CHARS = 100;

    /** Like the causes of transitions; the breaker cuts its own prefix plus the reason to fit the audit trail. */
    public static final int MAX_REASON_CHARS = 500;

    /** The longest an order with an end may last: a window longer than this is not maintenance. */
    public static final Duration MAX_WINDOW = Duration.ofDays(30);

    public OperatorOverride {
        Checks.required(target, "state");
        if (!TARGETS.contains(target)) {
            throw new InvalidValueException("state", "an operator may set only forced_open, disabled or closed");
        }
        actor = Checks.text(actor, "actor", MAX_ACTOR_CHARS);
        reason = Checks.text(reason, "reason", MAX_REASON_CHARS);
        Checks.required(until, "until");
        if (until.isPresent() && target == CircuitState.CLOSED) {
            throw new InvalidValueException("until", "only forced_open and disabled can end by themselves");
        }
    }

    /** An order that only an operator ends. */
    public OperatorOverride(CircuitState target, String actor, String reason) {
        this(target, actor, reason, Optional.empty());
    }

    /**
     * Checks the order's end against the time it is given: after {@code now}, and at most {@link #MAX_WINDOW} later.
     *
     * @throws InvalidValueException naming {@code until} otherwise
     */
    public void checkEnd(Instant now) {
        until.ifPresent(end -> {
            if (!end.isAfter(now)) {
                throw new InvalidValueException("until", "must be in the future");
            }
            if (end.isAfter(now.plus(MAX_WINDOW))) {
                throw new InvalidValueException("until", "must be at most " + MAX_WINDOW.toDays() + " days ahead");
            }
        });
    }

    /** Whether this order holds the breaker in a state of its own (forced open or disabled) rather than closing it. */
    public boolean holds() {
        return target != CircuitState.CLOSED;
    }
}
