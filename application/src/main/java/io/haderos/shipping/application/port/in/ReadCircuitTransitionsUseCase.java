package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.circuit.RecordedTransition;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Reads the audit trail of breaker transitions (DESIGN.md §6), of every instance sharing it. */
public interface ReadCircuitTransitionsUseCase {

    /**
     * The carrier's transitions the query selects, newest first.
     *
     * @throws UnknownCarrierException no such carrier is configured
     */
    CompletionStage<List<RecordedTransition>> transitions(ReadCircuitTransitionsQuery query);

    /** Each instance's breakers as last recorded. */
    CompletionStage<ClusterView> cluster();
}
