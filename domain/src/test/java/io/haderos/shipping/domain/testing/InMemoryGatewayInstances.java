package io.haderos.shipping.domain.testing;

import io.haderos.shipping.domain.model.GatewayInstance;
import io.haderos.shipping.domain.port.out.GatewayInstances;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** {@link GatewayInstances} in memory: the reference for the port's contract. */
public final class InMemoryGatewayInstances implements GatewayInstances {

    private final TreeMap<String, GatewayInstance> instances = new TreeMap<>();

    @Override
    public synchronized void started(GatewayInstance instance) {
        instances.put(instance.instanceId(), instance);
    }

    @Override
    public synchronized void seen(String instanceId, Instant at) {
        instances.computeIfPresent(
                instanceId,
                (id, known) -> new GatewayInstance(id, known.name(), known.startedAt(), at, known.stoppedAt()));
    }

    @Override
    public synchronized void stopped(String instanceId, Instant at) {
        instances.computeIfPresent(
                instanceId,
                (id, known) -> new GatewayInstance(id, known.name(), known.startedAt(), at, Optional.of(at)));
    }

    @Override
    public synchronized List<GatewayInstance> all() {
        return List.copyOf(instances.values());
    }
}
