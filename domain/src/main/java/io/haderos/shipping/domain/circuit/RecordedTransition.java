package io.haderos.shipping.domain.circuit;

import io.haderos.shipping.domain.model.Checks;
import java.time.Instant;

/**
 * A transition as the audit trail holds it.
 *
 * @param instanceId the gateway instance whose breaker moved
 * @param recordedAt when the audit trail stored it (after {@code transition.at()}, later if the database was away)
 */
public record RecordedTransition(String instanceId, CircuitStateChanged transition, Instant recordedAt) {

    public RecordedTransition {
        instanceId = Checks.text(instanceId, "instanceId", 100);
        Checks.required(transition, "transition");
        Checks.required(recordedAt, "recordedAt");
    }
}
