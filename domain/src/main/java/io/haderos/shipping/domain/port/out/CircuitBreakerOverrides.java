package io.haderos.shipping.domain.port.out;

import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import io.haderos.shipping.domain.circuit.OperatorOverride;
import io.haderos.shipping.domain.model.CarrierId;
import java.util.Optional;

/** Operator overrides of the gateway's breakers (docs/architecture.md#operations). */
public interface CircuitBreakerOverrides {

    /**
     * Puts the carrier's breaker in {@code override.target()} at once. A change of state is published to the
     * breaker's transition listeners like any other, with the override's actor and its reason as the cause.
     * Closing also clears the consecutive counts, even when the breaker is already closed.
     *
     * @return the breaker's snapshot after the override; empty when no breaker of that carrier exists
     */
    Optional<CircuitSnapshot> apply(CarrierId carrier, OperatorOverride override);
}
