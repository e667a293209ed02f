package io.haderos.shipping.application.service;

import io.haderos.shipping.application.port.in.OverrideCircuitBreakerCommand;
import io.haderos.shipping.application.port.in.OverrideCircuitBreakerUseCase;
import io.haderos.shipping.application.port.in.UnknownCarrierException;
import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import io.haderos.shipping.domain.circuit.OperatorOverride;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.port.out.CircuitBreakers;
import io.haderos.shipping.domain.port.out.FleetOverrideStore;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Gives an operator's order to the whole fleet (docs/architecture.md#fleet-overrides): stores it, then applies it here
 * at once; the other instances follow within {@link FleetOverrideSync#POLL} or sooner. Auditing needs nothing here:
 * each instance's breaker publishes its transition, with the actor, to the listeners wired at start-up.
 */
public final class OverrideCircuitBreakerService implements OverrideCircuitBreakerUseCase {

    private final FleetOverrideStore store;
    private final FleetOverrideSync sync;
    private final CircuitBreakers breakers;
    private final Clock clock;
    private final BlockingWork storeWork;

    /** @param storeExecutor the bounded executor for the store's blocking calls */
    public OverrideCircuitBreakerService(
            FleetOverrideStore store,
            FleetOverrideSync sync,
            CircuitBreakers breakers,
            Clock clock,
            Executor storeExecutor) {
        this.store = store;
        this.sync = sync;
        this.breakers = breakers;
        this.clock = clock;
        this.storeWork = new BlockingWork(storeExecutor);
    }

    @Override
    public CompletionStage<CircuitSnapshot> override(OverrideCircuitBreakerCommand command) {
        CarrierId carrier = command.carrier();
        if (breakers.snapshot(carrier).isEmpty()) {
            throw new UnknownCarrierException(carrier.value());
        }
        OperatorOverride order = command.toOverride();
        Instant now = clock.instant();
        order.checkEnd(now);
        return storeWork.supply(() -> {
            sync.applyNow(store.record(carrier, order, now));
            return breakers.snapshot(carrier).orElseThrow();
        });
    }
}
