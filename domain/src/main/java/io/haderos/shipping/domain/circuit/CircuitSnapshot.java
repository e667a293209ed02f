package io.haderos.shipping.domain.circuit;

import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.Checks;
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
        Optional<ConfigurationFault> configurationFault) {

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
    }

    /** A snapshot of a breaker whose carrier accepts our configuration. */
    public CircuitSnapshot(
            CarrierId carrier,
            CircuitState state,
            int failureCount,
            int successCount,
            Optional<Instant> lastFailureTime,
            Instant stateSince,
            Duration recoveryTimeout,
            Instant takenAt) {
        this(
                carrier,
                state,
                failureCount,
                successCount,
                lastFailureTime,
                stateSince,
                recoveryTimeout,
                takenAt,
                Optional.empty());
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

    /** How long until an OPEN breaker allows a trial; zero when calls may go through now. */
    public Duration retryAfter() {
        if (state != CircuitState.OPEN || shouldAttemptReset()) {
            return Duration.ZERO;
        }
        return Duration.between(takenAt, trialAllowedAt());
    }

    /**
     * How long a caller of {@code operation} should wait before it tries again: for a safe call, until the trial is
     * allowed; for a shipment (never a trial), until then plus {@link #TRIAL_GRACE}, since it waits for the trials to
     * close the breaker.
     */
    public Duration retryAfter(CarrierOperation operation) {
        if (operation.isSafeToRepeat() || !isTesting() && state != CircuitState.OPEN) {
            return retryAfter();
        }
        return retryAfter().plus(TRIAL_GRACE);
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
