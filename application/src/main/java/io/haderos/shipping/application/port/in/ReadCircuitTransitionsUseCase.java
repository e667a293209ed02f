package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.circuit.RecordedTransition;
import java.util.List;

/** Reads the audit trail of breaker transitions (DESIGN.md §6), of every instance sharing it. */
public interface ReadCircuitTransitionsUseCase {

    /**
     * The carrier's transitions the query selects, newest first.
     *
     * @throws UnknownCarrierException no such carrier is configured
     */
    List<RecordedTransition> transitions(ReadCircuitTransitionsQuery query);

    /** Each instance's breakers as last recorded. */
    ClusterView cluster();
}
