package io.haderos.shipping.domain.port.out;

import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A carrier fault: the carrier could not serve the call. Circuit breakers count these. */
public final class CarrierUnavailableException extends CarrierException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, and whether the carrier may have acted on the request anyway. */
    public enum Reason {
        CIRCUIT_OPEN(false, AttemptOutcome.CIRCUIT_OPEN),
        CONNECTION_REFUSED(false, AttemptOutcome.CONNECTION_REFUSED),
        CONNECTION_LOST(true, AttemptOutcome.CONNECTION_LOST),
        SERVICE_UNAVAILABLE(false, AttemptOutcome.SERVICE_UNAVAILABLE),
        TIMEOUT(true, AttemptOutcome.TIMEOUT),
        SERVER_ERROR(true, AttemptOutcome.SERVER_ERROR),
        UNREADABLE_REPLY(true, AttemptOutcome.UNREADABLE_REPLY),
        CARRIER_ERROR(false, AttemptOutcome.CARRIER_ERROR),
        /** Unanswered past the slow-call threshold; the request was sent, so it may have been processed. */
        SLOW(true, AttemptOutcome.SLOW),
        /** Not sent: the carrier's bulkhead is full. */
        BUSY(false, AttemptOutcome.BUSY);

        private final boolean mayHaveBeenProcessed;
        private final AttemptOutcome outcome;

        Reason(boolean mayHaveBeenProcessed, AttemptOutcome outcome) {
            this.mayHaveBeenProcessed = mayHaveBeenProcessed;
            this.outcome = outcome;
        }

        /**
         * Whether the carrier may have acted on the request despite the failure: a timeout after
         * sending, a 500, an unreadable reply. Creating a shipment elsewhere would risk a duplicate.
         */
        public boolean mayHaveBeenProcessed() {
            return mayHaveBeenProcessed;
        }
    }

    private final Reason reason;
    private final transient Optional<Duration> retryAfter;

    public CarrierUnavailableException(CarrierId carrier, Reason reason, String detail) {
        this(carrier, reason, detail, Optional.empty(), null);
    }

    public CarrierUnavailableException(CarrierId carrier, Reason reason, String detail, Throwable cause) {
        this(carrier, reason, detail, Optional.empty(), cause);
    }

    public CarrierUnavailableException(
            CarrierId carrier, Reason reason, String detail, Optional<Duration> retryAfter, Throwable cause) {
        super(carrier, carrier + " unavailable: " + detail, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** A call refused by an open breaker, which allows a trial after {@code retryAfter}. */
    public static CarrierUnavailableException circuitOpen(CarrierId carrier, Duration retryAfter) {
        return new CarrierUnavailableException(
                carrier,
                Reason.CIRCUIT_OPEN,
                "circuit open, trial allowed in " + secondsRoundedUp(retryAfter) + " s",
                Optional.of(retryAfter),
                null);
    }

    /**
     * A shipment not sent because the breaker is testing recovery (a trial is due or running): a shipment is never
     * a trial, so it waits about {@code retryAfter} for the trials to close the breaker.
     */
    public static CarrierUnavailableException trialUnderway(CarrierId carrier, Duration retryAfter) {
        return new CarrierUnavailableException(
                carrier,
                Reason.CIRCUIT_OPEN,
                "circuit recovering: trial calls are testing the carrier, shipments are not sent until it closes",
                Optional.of(retryAfter),
                null);
    }

    /**
     * A call refused by a breaker that an operator holds open (docs/architecture.md#fleet-overrides). No trial will
     * come: calls resume when the order ends at {@code until}, if it has an end, or when an operator closes the
     * breaker. {@code retryAfter} is the time to that end, and empty when there is none.
     */
    public static CarrierUnavailableException heldOpen(
            CarrierId carrier, Optional<Instant> until, Optional<Duration> retryAfter) {
        String detail = until.map(end -> "circuit held open by an operator until " + end + "; calls resume then")
                .orElse("circuit held open by an operator; no call is sent until an operator closes it");
        return new CarrierUnavailableException(carrier, Reason.CIRCUIT_OPEN, detail, retryAfter, null);
    }

    /** A call not sent because {@code limit} calls to the carrier are already in flight. */
    public static CarrierUnavailableException busy(CarrierId carrier, int limit) {
        return new CarrierUnavailableException(
                carrier, Reason.BUSY, "busy: " + limit + " calls already in flight, this one was not sent");
    }

    /** A call still unanswered after {@code threshold}: a carrier fault while it is still in flight. */
    public static CarrierUnavailableException slow(CarrierId carrier, Duration threshold) {
        return new CarrierUnavailableException(
                carrier, Reason.SLOW, "slow: no answer within " + threshold.toMillis() + " ms");
    }

    public Reason reason() {
        return reason;
    }

    /**
     * When known, how long until the carrier may be tried again: an open breaker's time to its trial, the end of an
     * operator's order, a carrier's own {@code Retry-After}. Empty when nothing says.
     */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    @Override
    public AttemptOutcome outcome() {
        return reason.outcome;
    }

    /** Whole seconds, rounded up so a client waiting that long is never early. */
    public static long secondsRoundedUp(Duration duration) {
        long seconds = duration.getSeconds();
        return duration.getNano() > 0 ? seconds + 1 : seconds;
    }
}
