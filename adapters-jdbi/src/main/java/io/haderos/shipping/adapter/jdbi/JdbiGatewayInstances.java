package io.haderos.shipping.adapter.jdbi;

import io.haderos.shipping.domain.model.GatewayInstance;
import io.haderos.shipping.domain.port.out.GatewayInstances;
import io.haderos.shipping.domain.port.out.TransitionHistoryUnavailableException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link GatewayInstances} in table {@code gateway_instance} (migration V6). Writes fail with the JDBI exception; reads
 * with {@link TransitionHistoryUnavailableException}, as the audit trail's do.
 */
public final class JdbiGatewayInstances implements GatewayInstances {

    private static final String COLUMNS = "instance_id, name, started_at, last_seen, stopped_at";

    private final Jdbi jdbi;

    public JdbiGatewayInstances(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** {@inheritDoc} An instance recorded already keeps its start and gets the new heartbeat. */
    @Override
    public void started(GatewayInstance instance) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO gateway_instance (" + COLUMNS
                            + ") VALUES (:id, :name, :startedAt, :lastSeen, NULL)")
                    .bind("id", instance.instanceId())
                    .bind("name", instance.name())
                    .bind("startedAt", UtcTime.of(instance.startedAt()))
                    .bind("lastSeen", UtcTime.of(instance.lastSeen()))
                    .execute());
        } catch (JdbiException e) {
            if (!DatabaseFailures.isUniqueViolation(e)) {
                throw e;
            }
            seen(instance.instanceId(), instance.lastSeen());
        }
    }

    @Override
    public void seen(String instanceId, Instant at) {
        update(
                "UPDATE gateway_instance SET last_seen = :at WHERE instance_id = :id AND stopped_at IS NULL",
                instanceId,
                at);
    }

    @Override
    public void stopped(String instanceId, Instant at) {
        update("UPDATE gateway_instance SET last_seen = :at, stopped_at = :at WHERE instance_id = :id", instanceId, at);
    }

    /** One instance's row updated: {@code :id} is the instance, {@code :at} the instant. */
    private void update(String sql, String instanceId, Instant at) {
        jdbi.useHandle(handle -> handle.createUpdate(sql)
                .bind("id", instanceId)
                .bind("at", UtcTime.of(at))
                .execute());
    }

    @Override
    public List<GatewayInstance> all() {
        return DatabaseFailures.guarded(
                "gateway instances cannot be read",
                () -> jdbi.withHandle(handle -> handle.createQuery(
                                "SELECT " + COLUMNS + " FROM gateway_instance ORDER BY instance_id")
                        .map(JdbiGatewayInstances::row)
                        .list()),
                TransitionHistoryUnavailableException::new);
    }

    private static GatewayInstance row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new GatewayInstance(
                rs.getString("instance_id"),
                rs.getString("name"),
                UtcTime.read(rs, "started_at"),
                UtcTime.read(rs, "last_seen"),
                Optional.ofNullable(UtcTime.read(rs, "stopped_at")));
    }
}
