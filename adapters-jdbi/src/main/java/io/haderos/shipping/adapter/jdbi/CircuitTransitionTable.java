package io.haderos.shipping.adapter.jdbi;

import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import io.haderos.shipping.domain.circuit.RecordedTransition;
import io.haderos.shipping.domain.model.CarrierId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The SQL of table {@code circuit_transition} (migration V1): one statement set for H2 and PostgreSQL.
 *
 * <p>Timestamps are stored as {@code TIMESTAMP} without time zone holding UTC, bound and read as
 * {@link LocalDateTime} so that neither the JVM's nor the session's time zone takes part.
 */
final class CircuitTransitionTable {

    /** The longest actor name stored; the domain does not bound it, the column must. */
    static final int MAX_ACTOR = 200;

    private static final String COLUMNS = "instance_id, carrier, sequence, from_state, to_state, occurred_at, "
            + "failure_count, success_count, cause, actor, recorded_at";

    /*
     * Idempotent by (instance_id, carrier, sequence) without dialects: a row whose key is stored is skipped.
     * Only this instance's writer writes this instance's keys, so the check cannot race with another writer;
     * if it ever did (a reused instance id), the unique constraint fails the batch and the retry skips the row.
     * The CASTs let H2 type the parameters of a SELECT without FROM.
     */
    private static final String INSERT = """
            INSERT INTO circuit_transition (%s)
            SELECT CAST(:instance_id AS VARCHAR(100)), CAST(:carrier AS VARCHAR(32)), CAST(:sequence AS BIGINT),
                   CAST(:from_state AS VARCHAR(16)), CAST(:to_state AS VARCHAR(16)), CAST(:occurred_at AS TIMESTAMP),
                   CAST(:failure_count AS INTEGER), CAST(:success_count AS INTEGER), CAST(:cause AS VARCHAR(1000)),
                   CAST(:actor AS VARCHAR(200)), CAST(:recorded_at AS TIMESTAMP)
             WHERE NOT EXISTS (SELECT 1 FROM circuit_transition
                                WHERE instance_id = :instance_id AND carrier = :carrier AND sequence = :sequence)
            """.formatted(COLUMNS);

    private static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM circuit_transition"
            + " WHERE instance_id = :instance_id AND carrier = :carrier AND sequence = :sequence";

    private static final String LATEST_PER_INSTANCE = """
            SELECT %s
              FROM (SELECT t.*, ROW_NUMBER() OVER (PARTITION BY t.instance_id, t.carrier
                                                   ORDER BY t.occurred_at DESC, t.sequence DESC) AS place
                      FROM circuit_transition t) latest
             WHERE place = 1
             ORDER BY instance_id, carrier
            """.formatted(COLUMNS);

    private final Jdbi jdbi;

    CircuitTransitionTable(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Inserts the events of one instance in one transaction, in their order, skipping any whose key is
     * already stored (a retry of a batch that had in fact committed, or an event delivered twice).
     *
     * @return the stored rows that hold <em>other</em> transitions under the keys of skipped events: proof that
     *         another process used the same instance id. Empty in every healthy case. (A driver that reports a
     *         row's count as unknown, {@code SUCCESS_NO_INFO}, gets no such check.)
     */
    List<RecordedTransition> insert(String instanceId, List<CircuitStateChanged> events, Clock clock) {
        List<CircuitStateChanged> rows =
                events.stream().map(CircuitTransitionTable::storable).toList();
        return jdbi.inTransaction(handle -> {
            // Read once the connection is held: a wait for the pool must not make rows look written earlier.
            Instant recordedAt = clock.instant();
            PreparedBatch batch = handle.prepareBatch(INSERT);
            for (CircuitStateChanged event : rows) {
                batch.bind("instance_id", instanceId)
                        .bind("carrier", event.carrier().value())
                        .bind("sequence", event.sequence())
                        .bind("from_state", name(event.from()))
                        .bind("to_state", name(event.to()))
                        .bind("occurred_at", UtcTime.of(event.at()))
                        .bind("failure_count", event.failureCount())
                        .bind("success_count", event.successCount())
                        .bind("cause", event.cause())
                        .bind("actor", event.actor().orElse(null))
                        .bind("recorded_at", UtcTime.of(recordedAt))
                        .add();
            }
            int[] counts = batch.execute();
            List<RecordedTransition> conflicts = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    CircuitStateChanged skipped = rows.get(i);
                    stored(handle, instanceId, skipped)
                            .filter(stored -> !stored.transition().equals(skipped))
                            .ifPresent(conflicts::add);
                }
            }
            return conflicts;
        });
    }

    List<RecordedTransition> transitions(
            CarrierId carrier, Optional<Instant> since, Optional<Instant> until, int limit) {
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(COLUMNS)
                .append(" FROM circuit_transition WHERE carrier = :carrier");
        since.ifPresent(s -> sql.append(" AND occurred_at >= :since"));
        until.ifPresent(u -> sql.append(" AND occurred_at < :until"));
        sql.append(" ORDER BY occurred_at DESC, instance_id, sequence DESC LIMIT :limit");
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery(sql.toString())
                    .bind("carrier", carrier.value())
                    .bind("limit", limit);
            since.ifPresent(s -> query.bind("since", UtcTime.of(s)));
            until.ifPresent(u -> query.bind("until", UtcTime.of(u)));
            return query.map(CircuitTransitionTable::row).list();
        });
    }

    List<RecordedTransition> latestPerInstance() {
        return jdbi.withHandle(handle -> handle.createQuery(LATEST_PER_INSTANCE)
                .map(CircuitTransitionTable::row)
                .list());
    }

    /**
     * The event as the table will hold it: the time cut to the microsecond both databases keep, the actor
     * bounded and without control characters (a value the table refuses would block the writer for good).
     */
    static CircuitStateChanged storable(CircuitStateChanged event) {
        Optional<String> actor =
                event.actor().map(CircuitTransitionTable::storableActor).filter(a -> !a.isEmpty());
        Instant at = event.at().truncatedTo(ChronoUnit.MICROS);
        if (at.equals(event.at()) && actor.equals(event.actor())) {
            return event;
        }
        return new CircuitStateChanged(
                event.carrier(),
                event.from(),
                event.to(),
                at,
                event.cause(),
                event.sequence(),
                event.failureCount(),
                event.successCount(),
                actor);
    }

    static String name(CircuitState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    private static Optional<RecordedTransition> stored(Handle handle, String instanceId, CircuitStateChanged event) {
        return handle.createQuery(SELECT_ONE)
                .bind("instance_id", instanceId)
                .bind("carrier", event.carrier().value())
                .bind("sequence", event.sequence())
                .map(CircuitTransitionTable::row)
                .findOne();
    }

    private static RecordedTransition row(ResultSet rs, StatementContext ctx) throws SQLException {
        CircuitStateChanged transition = new CircuitStateChanged(
                CarrierId.of(rs.getString("carrier")),
                state(rs.getString("from_state")),
                state(rs.getString("to_state")),
                UtcTime.read(rs, "occurred_at"),
                rs.getString("cause"),
                rs.getLong("sequence"),
                rs.getInt("failure_count"),
                rs.getInt("success_count"),
                Optional.ofNullable(rs.getString("actor")));
        return new RecordedTransition(rs.getString("instance_id"), transition, UtcTime.read(rs, "recorded_at"));
    }

    private static CircuitState state(String name) {
        return CircuitState.valueOf(name.toUpperCase(Locale.ROOT));
    }

    private static String storableActor(String actor) {
        String clean = actor.codePoints()
                .filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip();
        return clean.codePointCount(0, clean.length()) <= MAX_ACTOR
                ? clean
                : clean.substring(0, clean.offsetByCodePoints(0, MAX_ACTOR));
    }
}
