package io.haderos.shipping.domain.port.out;

import io.haderos.shipping.domain.circuit.RecordedTransition;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.Checks;
import io.haderos.shipping.domain.model.InvalidValueException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads the audit trail of breaker transitions, of every gateway instance sharing it. Reads fail with
 * {@link TransitionHistoryUnavailableException} when the trail cannot be reached.
 */
public interface TransitionHistory {

    /** The most transitions one read returns. */
    int MAX_LIMIT = 1000;

    /**
     * The carrier's transitions that occurred in [{@code since}, {@code until}), newest first (by occurrence,
     * then instance and sequence), at most {@code limit} of them.
     */
    List<RecordedTransition> transitions(
            CarrierId carrier, Optional<Instant> since, Optional<Instant> until, int limit);

    /**
     * Checks a read's arguments the same way for every implementation and every caller.
     *
     * @throws InvalidValueException naming {@code limit} when it is not from 1 to {@value #MAX_LIMIT}, or
     *                               {@code until} when it is before {@code since}
     */
    static void checkQuery(CarrierId carrier, Optional<Instant> since, Optional<Instant> until, int limit) {
        Checks.required(carrier, "carrier");
        Checks.required(since, "since");
        Checks.required(until, "until");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        }
        if (since.isPresent() && until.isPresent() && until.get().isBefore(since.get())) {
            throw new InvalidValueException("until", "must not be before since");
        }
    }

    /** The latest recorded transition of each breaker of each instance: the cluster's last known states. */
    List<RecordedTransition> latestPerInstance();
}
