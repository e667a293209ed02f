package io.haderos.shipping.domain.testing;

import io.haderos.shipping.domain.circuit.FleetOverride;
import io.haderos.shipping.domain.circuit.OperatorOverride;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.port.out.FleetOverrideStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A {@link FleetOverrideStore} in memory: the reference for the port's contract, shared by the "instances" given it. */
public final class InMemoryFleetOverrideStore implements FleetOverrideStore {

    private final Map<CarrierId, FleetOverride> latest = new HashMap<>();

    @Override
    public synchronized FleetOverride record(CarrierId carrier, OperatorOverride order, Instant at) {
        long revision = latest.containsKey(carrier) ? latest.get(carrier).revision() + 1 : 1;
        FleetOverride stored = new FleetOverride(carrier, revision, order, at);
        latest.put(carrier, stored);
        return stored;
    }

    @Override
    public synchronized List<FleetOverride> latest() {
        return latest.values().stream()
                .sorted(Comparator.comparing(override -> override.carrier().value()))
                .toList();
    }
}
