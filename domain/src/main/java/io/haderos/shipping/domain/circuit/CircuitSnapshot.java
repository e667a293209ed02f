package io.haderos.shipping.domain.circuit;

import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.Checks;
import io.haderos.shipping.domain.model.InvalidValueException;
import io.haderos.shipping.domain.policy.CarrierOperation;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A breaker's state at one instant, with everything monitoring reports about it.
 *
 * @param failureCount    consecutive carrier faults since the last success
 * @param successCount    consecutive successes since the last carrier fault
 * @param lastFailureTime when the last carrier fault happened, if ever
 * @param stateSince      when the breaker entered its current state (for OPEN: when the recovery timer started)
 * @param recoveryTimeout how long an OPEN breaker waits before it lets a trial call through
 * @param takenAt         the instant this snapshot describes
 * @param configurationFault present while the carrier refuses our credentials (not counted as a failure)
 * @param override        the operator's order holding the breaker while it is {@code FORCED_OPEN} or {@code DISABLED}
 *                        (docs/architecture.md#fleet-overrides); empty in every other state
 */
public record CircuitSnapshot(
        CarrierId carrier,
        CircuitState state,
        int failureCount,
        int successCount,
        Optional<Instant> lastFailureTime,
        Instant stateSince,
        Duration recoveryTimeout,
        Instant takenAt,
        Optional<ConfigurationFault> configurationFault,
        Optional<OperatorOverride> override) {

    /**
     * How long a shipment waits, beyond the trial itself, for a recovering breaker to close: a trial comes within
     * about a second (a client's safe call, or the gateway's own probe) and takes a carrier's round trip.
     */
    public static final Duration TRIAL_GRACE = Duration.ofSeconds(1);

    public CircuitSnapshot {
        Checks.required(carrier, "carrier");
        Checks.required(state, "state");
        Checks.required(lastFailureTime, "lastFailureTime");
        Checks.required(stateSince, "stateSince");
        Checks.required(recoveryTimeout, "recoveryTimeout");
        Checks.required(takenAt, "takenAt");
        Checks.required(configurationFault, "configurationFault");
        Checks.required(override, "override");
        if (override.isPresent() && override.get().target() != state) {
            throw new InvalidValueException("override", "must be the order that put the breaker in its state");
        }
    }

    /** OPEN and the recovery timeout has elapsed: the next call will be a trial. */
    public boolean shouldAttemptReset() {
        return state == CircuitState.OPEN && !takenAt.isBefore(trialAllowedAt());
    }

    /** Time since the last carrier fault; zero when there never was one. */
    public Duration timeSinceLastFailure() {
        return lastFailureTime
                .map(failure -> Duration.between(failure, takenAt))
                .orElse(Duration.ZERO);
    }

    /**
     * How long until calls may reach the carrier again by themselves (docs/architecture.md#fleet-overrides): for OPEN,
     * until its trial is allowed; for FORCED_OPEN, until the operator's order ends, when it has an end; zero when calls
     * may go through now. Empty when nothing will let calls through on its own: held open by an operator until one
     * closes it. Never a promise of a trial that will not come.
     */
    public Optional<Duration> retryAfter() {
        return switch (state) {
            case OPEN ->
                Optional.of(shouldAttemptReset() ? Duration.ZERO : Duration.between(takenAt, trialAllowedAt()));
            case FORCED_OPEN ->
                override.flatMap(OperatorOverride::until)
                        .map(end -> end.isAfter(takenAt) ? Duration.between(takenAt, end) : Duration.ZERO);
            default -> Optional.of(Duration.ZERO);
        };
    }

    /**
     * How long a caller of {@code operation} should wait before it tries again: for a safe call, as
     * {@link #retryAfter()}; for a shipment (never a trial) of a breaker that is OPEN or testing recovery, that plus
     * {@link #TRIAL_GRACE}, since it waits for the trials to close the breaker. Empty as {@link #retryAfter()} is.
     */
    public Optional<Duration> retryAfter(CarrierOperation operation) {
        if (operation.isSafeToRepeat() || !isTesting() && state != CircuitState.OPEN) {
            return retryAfter();
        }
        return retryAfter().map(wait -> wait.plus(TRIAL_GRACE));
    }

    /**
     * Whether a call of {@code operation} made now could reach the carrier. A shipment is never a trial, so it can be
     * served only while the breaker is CLOSED or DISABLED; a safe call can also be served when a trial is due or
     * running.
     */
    public boolean canServe(CarrierOperation operation) {
        if (!operation.isSafeToRepeat()) {
            return state == CircuitState.CLOSED || state == CircuitState.DISABLED;
        }
        return !state.blocksCalls() || shouldAttemptReset();
    }

    /** A trial is due or running: OPEN with the recovery timeout elapsed, or HALF_OPEN. */
    public boolean isTesting() {
        return state == CircuitState.HALF_OPEN || shouldAttemptReset();
    }

    private Instant trialAllowedAt() {
        return stateSince.plus(recoveryTimeout);
    }
}
