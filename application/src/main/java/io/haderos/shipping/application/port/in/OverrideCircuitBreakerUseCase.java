package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.circuit.CircuitSnapshot;

/** An operator forces a breaker open, disables it, or closes it with its counts cleared (docs/architecture.md#operations). */
public interface OverrideCircuitBreakerUseCase {

    /**
     * Applies the override at once; the transition reaches the audit trail with the actor and reason.
     *
     * @return the breaker's state and counts just after the override
     * @throws UnknownCarrierException no such carrier is configured
     */
    CircuitSnapshot override(OverrideCircuitBreakerCommand command);
}
