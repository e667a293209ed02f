package io.haderos.shipping.adapter.jdbi;

import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.Checks;
import io.haderos.shipping.domain.port.out.FleetOutages;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * {@link FleetOutages} in tables {@code fleet_outage} and {@code fleet_outage_member} (migration V7), for one instance.
 * An instance is live when its {@code gateway_instance} row has a heartbeat within the timeout and no graceful stop.
 *
 * <p>Each carrier has one {@code fleet_outage} row for good ({@code started_at} NULL between outages), and every
 * decision about the carrier locks it first ({@code SELECT … FOR UPDATE}): joining, leaving and cleaning up members are
 * serialised per carrier, so of instances opening at once exactly one begins the outage, of instances serving again
 * at once exactly one is the last, and no two transactions wait for each other. Failures are the JDBI exceptions.
 */
public final class JdbiFleetOutages implements FleetOutages {

    private final Jdbi jdbi;
    private final String instanceId;
    private final Duration heartbeatTimeout;

    /**
     * @param instanceId       this instance, as in {@code gateway_instance}
     * @param heartbeatTimeout how long an instance may go without a heartbeat and still count as live
     */
    public JdbiFleetOutages(Jdbi jdbi, String instanceId, Duration heartbeatTimeout) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.instanceId = Checks.text(instanceId, "instanceId", 100);
        this.heartbeatTimeout = Objects.requireNonNull(heartbeatTimeout, "heartbeatTimeout");
    }

    @Override
    public boolean joined(CarrierId carrier, Instant at) {
        ensureRow(carrier);
        return jdbi.inTransaction(handle -> {
            Optional<Instant> started = lock(handle, carrier);
            handle.createUpdate("""
                            INSERT INTO fleet_outage_member (carrier, instance_id, since)
                            SELECT CAST(:carrier AS VARCHAR(32)), CAST(:me AS VARCHAR(100)), CAST(:at AS TIMESTAMP)
                             WHERE NOT EXISTS (SELECT 1 FROM fleet_outage_member
                                                WHERE carrier = :carrier AND instance_id = :me)""")
                    .bind("carrier", carrier.value())
                    .bind("me", instanceId)
                    .bind("at", UtcTime.of(at))
                    .execute();
            if (started.isPresent() && liveOthers(handle, carrier, at) > 0) {
                return false;
            }
            // No outage, or one left behind by instances that died in it: a new one begins with this instance.
            forgetOthers(handle, carrier);
            handle.createUpdate("UPDATE fleet_outage SET started_at = :at, opened_by = :me WHERE carrier = :carrier")
                    .bind("carrier", carrier.value())
                    .bind("at", UtcTime.of(at))
                    .bind("me", instanceId)
                    .execute();
            return true;
        });
    }

    @Override
    public Optional<Instant> left(CarrierId carrier, Instant at) {
        return jdbi.inTransaction(handle -> {
            Optional<Instant> started = lock(handle, carrier);
            handle.createUpdate("DELETE FROM fleet_outage_member WHERE carrier = :carrier AND instance_id = :me")
                    .bind("carrier", carrier.value())
                    .bind("me", instanceId)
                    .execute();
            if (started.isEmpty() || liveOthers(handle, carrier, at) > 0) {
                return Optional.<Instant>empty();
            }
            forgetOthers(handle, carrier);
            handle.createUpdate("UPDATE fleet_outage SET started_at = NULL, opened_by = NULL WHERE carrier = :carrier")
                    .bind("carrier", carrier.value())
                    .execute();
            return started;
        });
    }

    /** Makes the carrier's row, once; a concurrent first one wins and this one changes nothing. */
    private void ensureRow(CarrierId carrier) {
        try {
            jdbi.useHandle(handle ->
                    handle.createUpdate("""
                            INSERT INTO fleet_outage (carrier)
                            SELECT CAST(:carrier AS VARCHAR(32))
                             WHERE NOT EXISTS (SELECT 1 FROM fleet_outage WHERE carrier = :carrier)""").bind("carrier", carrier.value()).execute());
        } catch (JdbiException e) {
            if (!DatabaseFailures.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    /** Locks the carrier's row until the transaction ends; its outage's start, empty when none is going on. */
    private static Optional<Instant> lock(Handle handle, CarrierId carrier) {
        return handle.createQuery("SELECT started_at FROM fleet_outage WHERE carrier = :carrier FOR UPDATE")
                .bind("carrier", carrier.value())
                .map((rs, ctx) -> Optional.ofNullable(UtcTime.read(rs, "started_at")))
                .findOne()
                .flatMap(started -> started);
    }

    /** Other instances in the carrier's outage that are live at {@code at}. */
    private int liveOthers(Handle handle, CarrierId carrier, Instant at) {
        return handle.createQuery("""
                        SELECT COUNT(*) FROM fleet_outage_member m
                          JOIN gateway_instance i ON i.instance_id = m.instance_id
                         WHERE m.carrier = :carrier AND m.instance_id <> :me
                           AND i.stopped_at IS NULL AND i.last_seen >= :liveSince""")
                .bind("carrier", carrier.value())
                .bind("me", instanceId)
                .bind("liveSince", UtcTime.of(at.minus(heartbeatTimeout)))
                .mapTo(Integer.class)
                .one();
    }

    /** Removes the other members: called only once none of them is live. */
    private void forgetOthers(Handle handle, CarrierId carrier) {
        handle.createUpdate("DELETE FROM fleet_outage_member WHERE carrier = :carrier AND instance_id <> :me")
                .bind("carrier", carrier.value())
                .bind("me", instanceId)
                .execute();
    }
}
