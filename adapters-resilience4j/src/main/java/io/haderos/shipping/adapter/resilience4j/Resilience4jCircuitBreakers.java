package io.haderos.shipping.adapter.resilience4j;

import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.port.out.CircuitBreakers;

import java.util.List;
import java.util.Optional;

/** The gateway's breakers, in carrier order, as the monitoring port sees them. */
public final class Resilience4jCircuitBreakers implements CircuitBreakers {

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

    /** The breaker of {@code carrier}, for operator overrides. */
    public Optional<CarrierCircuitBreaker> find(CarrierId carrier) {
        return breakers.stream().filter(b -> b.carrier().equals(carrier)).findFirst();
    }
}
