package io.haderos.shipping.adapter.rest;

import io.haderos.shipping.application.port.in.ClusterView;
import io.haderos.shipping.domain.circuit.RecordedTransition;
import io.haderos.shipping.domain.model.GatewayInstance;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code {"instances":[{"instance_id","breaker","state","since","sequence","recorded_at","last_seen","status"}],
 * "heartbeats":[{"instance_id","name","started_at","last_seen","stopped_at","status"}],"timestamp"}}: each gateway
 * instance's breakers as the shared audit trail last recorded them, and every instance by its heartbeats
 * (docs/architecture.md#instances-and-heartbeats). {@code status} is {@code live}, {@code stale} (no heartbeat within
 * the timeout: it died, or lost the database) or {@code stopped}; {@code last_seen} and {@code status} of a breaker's
 * row are null when its instance left no heartbeat (it ran before heartbeats were recorded).
 */
record ClusterStateResponse(List<Instance> instances, List<Heartbeat> heartbeats, Instant timestamp) {

    static ClusterStateResponse from(ClusterView view) {
        return new ClusterStateResponse(
                view.latest().stream()
                        .map(recorded -> Instance.from(recorded, view.member(recorded.instanceId())))
                        .toList(),
                view.instances().stream().map(Heartbeat::from).toList(),
                view.timestamp());
    }

    /**
     * @param since    when the breaker entered {@code state}
     * @param sequence the sequence number of that transition on its instance
     * @param lastSeen the instance's latest heartbeat
     * @param status   the instance's status by its heartbeats
     */
    record Instance(
            String instanceId,
            String breaker,
            String state,
            Instant since,
            long sequence,
            Instant recordedAt,
            Instant lastSeen,
            String status) {

        static Instance from(RecordedTransition recorded, Optional<ClusterView.Member> member) {
            return new Instance(
                    recorded.instanceId(),
                    recorded.transition().carrier().value(),
                    CircuitTransitionsResponse.name(recorded.transition().to()),
                    recorded.transition().at(),
                    recorded.transition().sequence(),
                    recorded.recordedAt(),
                    member.map(m -> m.instance().lastSeen()).orElse(null),
                    member.map(Heartbeat::status).orElse(null));
        }
    }

    /** One gateway instance by its heartbeats; {@code stopped_at} null unless it stopped gracefully. */
    record Heartbeat(
            String instanceId, String name, Instant startedAt, Instant lastSeen, Instant stoppedAt, String status) {

        static Heartbeat from(ClusterView.Member member) {
            GatewayInstance instance = member.instance();
            return new Heartbeat(
                    instance.instanceId(),
                    instance.name(),
                    instance.startedAt(),
                    instance.lastSeen(),
                    instance.stoppedAt().orElse(null),
                    status(member));
        }

        static String status(ClusterView.Member member) {
            return member.status().name().toLowerCase(Locale.ROOT);
        }
    }
}
