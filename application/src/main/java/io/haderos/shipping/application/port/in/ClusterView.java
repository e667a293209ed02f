package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.circuit.RecordedTransition;
import io.haderos.shipping.domain.model.Checks;
import java.time.Instant;
import java.util.List;

/**
 * The last known state of every breaker of every gateway instance sharing the audit trail, as of
 * {@code timestamp}.
 *
 * @param latest the latest recorded transition per instance and breaker, ordered by instance, then carrier
 */
public record ClusterView(List<RecordedTransition> latest, Instant timestamp) {

    public ClusterView {
        latest = List.copyOf(Checks.required(latest, "latest"));
        Checks.required(timestamp, "timestamp");
    }
}
