package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.circuit.RecordedTransition;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Reads the audit trail of breaker transitions (docs/architecture.md#operations), of every instance sharing it. */
public interface ReadCircuitTransitionsUseCase {

    /**
     * The carrier's transitions the query selects, newest first; fails with
     * {@link io.haderos.shipping.domain.port.out.TransitionHistoryUnavailableException} while the trail cannot be read.
     *
     * @throws UnknownCarrierException at once, when no such carrier is configured
     */
    CompletionStage<List<RecordedTransition>> transitions(ReadCircuitTransitionsQuery query);

    /**
     * Each instance's breakers as last recorded; fails with
     * {@link io.haderos.shipping.domain.port.out.TransitionHistoryUnavailableException} while the trail cannot be read.
     */
    CompletionStage<ClusterView> cluster();
}
