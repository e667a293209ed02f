package io.haderos.shipping.application.service;

import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.OperatorOverride;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.port.out.CircuitBreakerOverrides;
import io.haderos.shipping.domain.port.out.CircuitBreakers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Breakers that only hold a state: an override sets it (closing clears the counts) and is remembered. */
final class FakeCircuitBreakers implements CircuitBreakers, CircuitBreakerOverrides {

    private final Map<CarrierId, CircuitSnapshot> breakers = new LinkedHashMap<>();
    private final List<OperatorOverride> applied = new ArrayList<>();
    private final Instant now;

    FakeCircuitBreakers(Instant now, CarrierId... carriers) {
        this.now = now;
        for (CarrierId carrier : carriers) {
            breakers.put(carrier, snapshot(carrier, CircuitState.CLOSED, 0));
        }
    }

    void set(CarrierId carrier, CircuitState state, int failures) {
        breakers.put(carrier, snapshot(carrier, state, failures));
    }

    List<OperatorOverride> applied() {
        return List.copyOf(applied);
    }

    @Override
    public List<CircuitSnapshot> snapshots() {
        return List.copyOf(breakers.values());
    }

    @Override
    public Optional<CircuitSnapshot> snapshot(CarrierId carrier) {
        return Optional.ofNullable(breakers.get(carrier));
    }

    @Override
    public Optional<CircuitSnapshot> apply(CarrierId carrier, OperatorOverride override) {
        CircuitSnapshot current = breakers.get(carrier);
        if (current == null) {
            return Optional.empty();
        }
        applied.add(override);
        int failures = override.target() == CircuitState.CLOSED ? 0 : current.failureCount();
        CircuitSnapshot after = snapshot(
                carrier, override.target(), failures, Optional.of(override).filter(OperatorOverride::holds));
        breakers.put(carrier, after);
        return Optional.of(after);
    }

    private CircuitSnapshot snapshot(CarrierId carrier, CircuitState state, int failures) {
        return snapshot(carrier, state, failures, Optional.empty());
    }

    private CircuitSnapshot snapshot(
            CarrierId carrier, CircuitState state, int failures, Optional<OperatorOverride> override) {
        return new CircuitSnapshot(
                carrier,
                state,
                failures,
                0,
                Optional.empty(),
                now,
                Duration.ofSeconds(120),
                now,
                Optional.empty(),
                override);
    }
}
