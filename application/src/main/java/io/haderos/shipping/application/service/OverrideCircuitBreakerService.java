package io.haderos.shipping.application.service;

import io.haderos.shipping.application.port.in.OverrideCircuitBreakerCommand;
import io.haderos.shipping.application.port.in.OverrideCircuitBreakerUseCase;
import io.haderos.shipping.application.port.in.UnknownCarrierException;
import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import io.haderos.shipping.domain.port.out.CircuitBreakerOverrides;

/**
 * Hands the operator's order to the breakers. Auditing needs nothing here: the breaker publishes the
 * transition, with the actor, to the listeners wired at start-up.
 */
public final class OverrideCircuitBreakerService implements OverrideCircuitBreakerUseCase {

    private final CircuitBreakerOverrides overrides;

    public OverrideCircuitBreakerService(CircuitBreakerOverrides overrides) {
        this.overrides = overrides;
    }

    @Override
    public CircuitSnapshot override(OverrideCircuitBreakerCommand command) {
        return overrides
                .apply(command.carrier(), command.toOverride())
                .orElseThrow(() -> new UnknownCarrierException(command.carrier().value()));
    }
}
