package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.circuit.RecordedTransition;
import io.haderos.shipping.domain.model.Checks;
import io.haderos.shipping.domain.model.GatewayInstance;
import io.haderos.shipping.domain.model.InstanceStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The last known state of every breaker of every gateway instance sharing the audit trail, and whether each instance
 * is live, as of {@code timestamp} (docs/architecture.md#instances-and-heartbeats).
 *
 * @param latest    the latest recorded transition per instance and breaker, ordered by instance, then carrier
 * @param instances every instance recorded by its heartbeats, by instance id, with its status at {@code timestamp}
 */
public record ClusterView(List<RecordedTransition> latest, List<Member> instances, Instant timestamp) {

    public ClusterView {
        latest = List.copyOf(Checks.required(latest, "latest"));
        instances = List.copyOf(Checks.required(instances, "instances"));
        Checks.required(timestamp, "timestamp");
    }

    /** A view without heartbeats: every instance's liveness unknown. */
    public ClusterView(List<RecordedTransition> latest, Instant timestamp) {
        this(latest, List.of(), timestamp);
    }

    /** The instance of that id, when its heartbeats are recorded. */
    public Optional<Member> member(String instanceId) {
        return instances.stream()
                .filter(member -> member.instance().instanceId().equals(instanceId))
                .findFirst();
    }

    /** One gateway instance and its status by its heartbeats. */
    public record Member(GatewayInstance instance, InstanceStatus status) {

        public Member {
            Checks.required(instance, "instance");
            Checks.required(status, "status");
        }
    }
}
