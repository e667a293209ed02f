package io.haderos.shipping.domain.port.out;

import io.haderos.shipping.domain.circuit.RecordedTransition;
import io.haderos.shipping.domain.model.CarrierId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads the audit trail of breaker transitions, of every gateway instance sharing it. */
public interface TransitionHistory {

    /**
     * The carrier's transitions that occurred in [{@code since}, {@code until}), newest first (by occurrence,
     * then instance and sequence), at most {@code limit} of them.
     */
    List<RecordedTransition> transitions(CarrierId carrier, Optional<Instant> since, Optional<Instant> until,
                                         int limit);

    /** The latest recorded transition of each breaker of each instance: the cluster's last known states. */
    List<RecordedTransition> latestPerInstance();
}
