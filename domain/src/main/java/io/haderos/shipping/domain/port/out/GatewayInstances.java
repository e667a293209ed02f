package io.haderos.shipping.domain.port.out;

import io.haderos.shipping.domain.model.GatewayInstance;
import java.time.Instant;
import java.util.List;

/**
 * The gateway processes that share the database, by their heartbeats (docs/architecture.md#instances-and-heartbeats).
 * Reads fail with {@link TransitionHistoryUnavailableException}: the instances belong to the audit trail, whose
 * queries end a dead instance's outage at its last heartbeat. Writes fail with a {@link RuntimeException}.
 */
public interface GatewayInstances {

    /** Records a process start (or records it again, when an earlier attempt failed). */
    void started(GatewayInstance instance);

    /** A heartbeat: the instance is still running at {@code at}. */
    void seen(String instanceId, Instant at);

    /** The instance stopped gracefully at {@code at}, which is also its last heartbeat. */
    void stopped(String instanceId, Instant at);

    /** Every instance recorded (the audit trail's retention removes those long gone), by instance id. */
    List<GatewayInstance> all();
}
