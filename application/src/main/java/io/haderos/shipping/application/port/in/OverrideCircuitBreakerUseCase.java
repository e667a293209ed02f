package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import java.util.concurrent.CompletionStage;

/**
 * An operator forces a carrier's breakers open, disables them, or closes them with their counts cleared, on every
 * gateway instance sharing the database (docs/architecture.md#fleet-overrides).
 */
public interface OverrideCircuitBreakerUseCase {

    /**
     * Stores the order for the fleet and applies it to this instance's breaker at once; every other instance applies
     * it within seconds, and at its next start. Each transition reaches the audit trail with the actor and reason.
     * Never blocks the calling thread.
     *
     * @return completes with this instance's breaker just after the order, or fails with
     *     {@link io.haderos.shipping.domain.port.out.FleetOverrideStoreUnavailableException} when the order cannot be
     *     stored (then it is applied nowhere)
     * @throws UnknownCarrierException at once, when no such carrier is configured
     * @throws io.haderos.shipping.domain.model.InvalidValueException at once, naming {@code until} when the order's
     *     end is not in the future or too far ahead
     */
    CompletionStage<CircuitSnapshot> override(OverrideCircuitBreakerCommand command);
}
