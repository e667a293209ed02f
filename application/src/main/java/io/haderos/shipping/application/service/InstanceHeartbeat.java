package io.haderos.shipping.application.service;

import io.haderos.shipping.domain.model.GatewayInstance;
import io.haderos.shipping.domain.port.out.GatewayInstances;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Records this process in the fleet's instances and keeps it live there (docs/architecture.md#instances-and-heartbeats):
 * its start, a heartbeat every interval (on the database executor), and its graceful stop. A start or heartbeat that
 * fails is tried again at the next interval; while none gets through, other instances see this one turn stale.
 */
public final class InstanceHeartbeat implements AutoCloseable {

    private final GatewayInstances instances;
    private final String instanceId;
    private final String name;
    private final Duration interval;
    private final PeriodicWork beats;
    private final Clock clock;
    private volatile boolean registered;
    private volatile Instant startedAt;

    /**
     * @param instanceId this process start, as its audit-trail rows carry it
     * @param name       what operators know it by
     * @param interval   between heartbeats
     * @param timer      schedules the heartbeats; its task only hands them to {@code database}
     * @param database   the bounded executor for blocking database work
     */
    public InstanceHeartbeat(
            GatewayInstances instances,
            String instanceId,
            String name,
            Duration interval,
            ScheduledExecutorService timer,
            Executor database,
            Clock clock) {
        this.instances = instances;
        this.instanceId = instanceId;
        this.name = name;
        this.interval = interval;
        this.beats = new PeriodicWork(timer, database);
        this.clock = clock;
    }

    /** Records the start on the calling thread (tried again at the first heartbeat if it fails), then beats. */
    public InstanceHeartbeat start() {
        startedAt = clock.instant();
        beat();
        beats.atFixedRate(interval, this::beat);
        return this;
    }

    /** Stops beating and records the graceful stop, on the calling thread. */
    @Override
    public void close() {
        beats.stop();
        try {
            instances.stopped(instanceId, clock.instant());
        } catch (RuntimeException e) {
            // The database is away: the others will see this instance turn stale instead of stopped.
        }
    }

    private void beat() {
        try {
            if (registered) {
                instances.seen(instanceId, clock.instant());
            } else {
                instances.started(new GatewayInstance(instanceId, name, startedAt, clock.instant(), Optional.empty()));
                registered = true;
            }
        } catch (RuntimeException e) {
            // Tried again at the next interval.
        }
    }
}
