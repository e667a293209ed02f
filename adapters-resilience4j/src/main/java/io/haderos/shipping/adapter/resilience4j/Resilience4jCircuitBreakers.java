package io.haderos.shipping.adapter.resilience4j;

import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import io.haderos.shipping.domain.circuit.OperatorOverride;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.port.out.CircuitBreakerOverrides;
import io.haderos.shipping.domain.port.out.CircuitBreakers;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's breakers, in carrier order: as the monitoring port sees them, and as operators override them.
 */
public final class Resilience4jCircuitBreakers implements CircuitBreakers, CircuitBreakerOverrides {

    private final List<CarrierCircuitBreaker> breakers;

    public Resilience4jCircuitBreakers(List<CarrierCircuitBreaker> breakers) {
        this.breakers = List.copyOf(breakers);
    }

    @Override
    public List<CircuitSnapshot> snapshots() {
        return breakers.stream().map(CarrierCircuitBreaker::snapshot).toList();
    }

    @Override
    public Optional<CircuitSnapshot> snapshot(CarrierId carrier) {
        return find(carrier).map(CarrierCircuitBreaker::snapshot);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The transition reaches the breaker's listener (and so the audit trail) with the actor, and with
     * {@code "operator override: <reason>"} (or {@code "operator override until <instant>: <reason>"}) as its cause.
     */
    @Override
    public Optional<CircuitSnapshot> apply(CarrierId carrier, OperatorOverride override) {
        return find(carrier).map(breaker -> {
            switch (override.target()) {
                case FORCED_OPEN -> breaker.forceOpen(override.actor(), override.reason(), override.until());
                case DISABLED -> breaker.disable(override.actor(), override.reason(), override.until());
                case CLOSED -> breaker.close(override.actor(), override.reason());
                default -> throw new IllegalArgumentException("not an operator's target: " + override.target());
            }
            return breaker.snapshot();
        });
    }

    /** The breaker of {@code carrier}. */
    public Optional<CarrierCircuitBreaker> find(CarrierId carrier) {
        return breakers.stream().filter(b -> b.carrier().equals(carrier)).findFirst();
    }
}
