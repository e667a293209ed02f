package io.haderos.shipping.domain.testing;

import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.port.out.FleetOutages;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link FleetOutages} in memory, for several "instances" sharing it: {@link #instance} gives each its view, and
 * {@link #died} makes one stale. The reference for the port's contract.
 */
public final class InMemoryFleetOutages {

    private final Map<CarrierId, Instant> started = new HashMap<>();
    private final Map<CarrierId, Set<String>> members = new HashMap<>();
    private final Set<String> dead = new HashSet<>();

    /** The view of the instance {@code instanceId}, live until {@link #died}. */
    public FleetOutages instance(String instanceId) {
        return new FleetOutages() {
            @Override
            public boolean joined(CarrierId carrier, Instant at) {
                return join(instanceId, carrier, at);
            }

            @Override
            public Optional<Instant> left(CarrierId carrier, Instant at) {
                return leave(instanceId, carrier);
            }
        };
    }

    /** The instance stops sending heartbeats: it no longer keeps an outage open. */
    public synchronized void died(String instanceId) {
        dead.add(instanceId);
    }

    private synchronized boolean join(String instanceId, CarrierId carrier, Instant at) {
        Set<String> in = members.computeIfAbsent(carrier, c -> new LinkedHashSet<>());
        boolean othersLive = in.stream().anyMatch(member -> !member.equals(instanceId) && !dead.contains(member));
        in.add(instanceId);
        if (othersLive && started.containsKey(carrier)) {
            return false;
        }
        in.removeIf(dead::contains);
        started.put(carrier, at);
        return true;
    }

    private synchronized Optional<Instant> leave(String instanceId, CarrierId carrier) {
        Set<String> in = members.computeIfAbsent(carrier, c -> new LinkedHashSet<>());
        in.remove(instanceId);
        if (!started.containsKey(carrier) || in.stream().anyMatch(member -> !dead.contains(member))) {
            return Optional.empty();
        }
        in.clear();
        return Optional.of(started.remove(carrier));
    }
}
