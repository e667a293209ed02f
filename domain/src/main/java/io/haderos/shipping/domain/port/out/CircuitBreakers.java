package io.haderos.shipping.domain.port.out;

import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import io.haderos.shipping.domain.model.CarrierId;
import java.util.List;
import java.util.Optional;

/** The gateway's circuit breakers, one per carrier, as monitoring sees them. */
public interface CircuitBreakers {

    /** A snapshot of every breaker, in the configured carrier order. */
    List<CircuitSnapshot> snapshots();

    /** A snapshot of one carrier's breaker. */
    Optional<CircuitSnapshot> snapshot(CarrierId carrier);
}
