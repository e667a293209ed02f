package io.haderos.shipping.adapter.jdbi;

import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.FleetOverride;
import io.haderos.shipping.domain.circuit.OperatorOverride;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.port.out.FleetOverrideStore;
import io.haderos.shipping.domain.port.out.FleetOverrideStoreUnavailableException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

/**
 * The {@link FleetOverrideStore} in table {@code breaker_override} (migration V5), shared by every gateway instance on
 * the database: one row per carrier holding its latest order and revision.
 *
 * <p>On PostgreSQL, recording an order also sends a notification, in the same transaction (so only once it is
 * committed), on a channel named after the schema: instances that {@link #listen} hear of it at once instead of at
 * their next poll. Every database failure surfaces as {@link FleetOverrideStoreUnavailableException}.
 */
public final class JdbiFleetOverrideStore implements FleetOverrideStore {

    private static final String COLUMNS = "carrier, revision, target, actor, reason, given_at, ends_at";

    private final Database database;
    private final Optional<String> channel;

    /** @param database migrated by {@link Database#open} (table {@code breaker_override}) */
    public JdbiFleetOverrideStore(Database database) {
        this.database = database;
        this.channel = database.isPostgres() ? Optional.of(channel(database)) : Optional.empty();
    }

    /**
     * {@inheritDoc}
     *
     * <p>The row is updated in place when the carrier has one, its revision raised by one under the row's lock, so
     * concurrent orders from several instances are serialised by the database; the first order of a carrier is
     * inserted, and a second first order racing it retries as an update.
     */
    @Override
    public FleetOverride record(CarrierId carrier, OperatorOverride order, Instant at) {
        return guarded("record an override of " + carrier, () -> {
            for (int round = 0; ; round++) {
                try {
                    return database.jdbi().inTransaction(handle -> write(handle, carrier, order, at));
                } catch (JdbiException e) {
                    if (round >= 2 || !DatabaseFailures.isUniqueViolation(e)) {
                        throw e;
                    }
                }
            }
        });
    }

    @Override
    public List<FleetOverride> latest() {
        return guarded(
                "read the overrides",
                () -> database.jdbi()
                        .withHandle(handle -> handle.createQuery(
                                        "SELECT " + COLUMNS + " FROM breaker_override ORDER BY carrier")
                                .map(JdbiFleetOverrideStore::row)
                                .list()));
    }

    /**
     * Calls {@code onChange}, on a thread of its own, whenever another instance may have recorded an order: on
     * PostgreSQL when it is notified (and once after each reconnection, for what it may have missed); on H2 never,
     * since H2 cannot notify (instances poll). {@code onChange} must return at once.
     *
     * @return stops listening when closed
     */
    public AutoCloseable listen(Runnable onChange) {
        return channel.<AutoCloseable>map(name -> PostgresNotifications.start(database, name, onChange))
                .orElse(() -> {});
    }

    private FleetOverride write(Handle handle, CarrierId carrier, OperatorOverride order, Instant at) {
        int updated = bindOrder(handle.createUpdate("""
                        UPDATE breaker_override
                           SET revision = revision + 1, target = :target, actor = :actor, reason = :reason,
                               given_at = :givenAt, ends_at = :endsAt
                         WHERE carrier = :carrier"""), carrier, order, at).execute();
        if (updated == 0) {
            bindOrder(
                            handle.createUpdate("INSERT INTO breaker_override (" + COLUMNS
                                    + ") VALUES (:carrier, 1, :target, :actor, :reason, :givenAt, :endsAt)"),
                            carrier,
                            order,
                            at)
                    .execute();
        }
        channel.ifPresent(name -> handle.createQuery("SELECT pg_notify(:channel, :carrier)")
                .bind("channel", name)
                .bind("carrier", carrier.value())
                .mapTo(String.class)
                .findOne());
        return handle.createQuery("SELECT " + COLUMNS + " FROM breaker_override WHERE carrier = :carrier")
                .bind("carrier", carrier.value())
                .map(JdbiFleetOverrideStore::row)
                .one();
    }

    private static Update bindOrder(Update statement, CarrierId carrier, OperatorOverride order, Instant at) {
        statement
                .bind("carrier", carrier.value())
                .bind("target", order.target().name().toLowerCase(Locale.ROOT))
                .bind("actor", order.actor())
                .bind("reason", order.reason())
                .bind("givenAt", UtcTime.of(at));
        return order.until()
                .map(until -> statement.bind("endsAt", UtcTime.of(until)))
                .orElseGet(() -> statement.bindNull("endsAt", Types.TIMESTAMP));
    }

    private static FleetOverride row(ResultSet rs, StatementContext ctx) throws SQLException {
        OperatorOverride order = new OperatorOverride(
                CircuitState.valueOf(rs.getString("target").toUpperCase(Locale.ROOT)),
                rs.getString("actor"),
                rs.getString("reason"),
                Optional.ofNullable(UtcTime.read(rs, "ends_at")));
        return new FleetOverride(
                CarrierId.of(rs.getString("carrier")), rs.getLong("revision"), order, UtcTime.read(rs, "given_at"));
    }

    /**
     * {@code breaker_override_<schema>}: notification channels are database-wide, so the schema keeps gateways that
     * share a database under different schemas (and tests) from hearing each other. Only letters, digits and
     * underscores are kept; a clash would cost an extra poll, nothing more.
     */
    private static String channel(Database database) {
        String schema;
        try {
            schema = database.jdbi()
                    .withHandle(handle -> handle.createQuery("SELECT current_schema()")
                            .mapTo(String.class)
                            .findOne()
                            .orElse("public"));
        } catch (JdbiException e) {
            schema = "public";
        }
        String name = "breaker_override_" + schema.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return name.length() <= 63 ? name : name.substring(0, 63);
    }

    private static <T> T guarded(String what, Supplier<T> work) {
        return DatabaseFailures.guarded("cannot " + what, work, FleetOverrideStoreUnavailableException::new);
    }
}
