package io.haderos.shipping.domain.model;

/** Whether a gateway instance is running, by its heartbeats (docs/architecture.md#instances-and-heartbeats). */
public enum InstanceStatus {
    /** Its latest heartbeat is within the heartbeat timeout. */
    LIVE,
    /** No heartbeat within the timeout and no graceful stop: it died, or cannot reach the database. */
    STALE,
    /** It stopped gracefully. */
    STOPPED
}
