package io.haderos.shipping.adapter.rest;

import io.haderos.shipping.application.port.in.ClusterView;
import io.haderos.shipping.domain.circuit.RecordedTransition;
import java.time.Instant;
import java.util.List;

/**
 * {@code {"instances":[{"instance_id","breaker","state","since","sequence","recorded_at"}],"timestamp"}}: each
 * gateway instance's breakers as the shared audit trail last recorded them.
 */
record ClusterStateResponse(List<Instance> instances, Instant timestamp) {

    static ClusterStateResponse from(ClusterView view) {
        return new ClusterStateResponse(
                view.latest().stream().map(Instance::from).toList(), view.timestamp());
    }

    /**
     * @param since    when the breaker entered {@code state}
     * @param sequence the sequence number of that transition on its instance
     */
    record Instance(String instanceId, String breaker, String state, Instant since, long sequence, Instant recordedAt) {

        static Instance from(RecordedTransition recorded) {
            return new Instance(
                    recorded.instanceId(),
                    recorded.transition().carrier().value(),
                    CircuitTransitionsResponse.name(recorded.transition().to()),
                    recorded.transition().at(),
                    recorded.transition().sequence(),
                    recorded.recordedAt());
        }
    }
}
