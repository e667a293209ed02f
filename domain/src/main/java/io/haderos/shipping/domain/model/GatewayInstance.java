package io.haderos.shipping.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One start of a gateway process, as its heartbeats record it (docs/architecture.md#instances-and-heartbeats).
 *
 * @param instanceId unique per process start, as in the audit trail
 * @param name       what operators know it by ({@code gateway.instance-name} or the host name)
 * @param lastSeen   its latest heartbeat
 * @param stoppedAt  when it stopped gracefully; empty while it runs, or when it died without stopping
 */
public record GatewayInstance(
        String instanceId, String name, Instant startedAt, Instant lastSeen, Optional<Instant> stoppedAt) {

    public GatewayInstance {
        instanceId = Checks.text(instanceId, "instanceId", 100);
        name = Checks.text(name, "name", 100);
        Checks.required(startedAt, "startedAt");
        Checks.required(lastSeen, "lastSeen");
        Checks.required(stoppedAt, "stoppedAt");
    }

    /** A process that has just started: seen now, not stopped. */
    public static GatewayInstance starting(String instanceId, String name, Instant now) {
        return new GatewayInstance(instanceId, name, now, now, Optional.empty());
    }

    /**
     * {@link InstanceStatus#STOPPED} once it stopped gracefully; {@link InstanceStatus#STALE} when its latest heartbeat
     * is older than {@code timeout} (it died, or lost the database); else {@link InstanceStatus#LIVE}.
     */
    public InstanceStatus status(Instant now, Duration timeout) {
        if (stoppedAt.isPresent()) {
            return InstanceStatus.STOPPED;
        }
        return lastSeen.plus(timeout).isBefore(now) ? InstanceStatus.STALE : InstanceStatus.LIVE;
    }
}
