package io.haderos.shipping.adapter.jdbi;

import io.haderos.shipping.domain.model.Attempt;
import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.ClientId;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.HeldOrderCursor;
import io.haderos.shipping.domain.model.HeldOrderSummary;
import io.haderos.shipping.domain.model.Label;
import io.haderos.shipping.domain.model.LabelFormat;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.ShipmentRecord;
import io.haderos.shipping.domain.model.ShipmentResolution;
import io.haderos.shipping.domain.model.ShipmentStatus;
import io.haderos.shipping.domain.model.ShipmentTransition;
import io.haderos.shipping.domain.port.out.ShipmentStore;
import io.haderos.shipping.domain.port.out.ShipmentStoreUnavailableException;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ShipmentStore} in a database shared by every gateway instance: the primary key on the order id
 * decides, across processes, which request may ask a carrier.
 *
 * <p>Every write that stores an order's data clears its erasure mark ({@code personal_data_erased_at}, set by
 * {@link JdbiDataRetention}): what it stored is erased again once it is old.
 *
 * <p>Every database failure surfaces as {@link ShipmentStoreUnavailableException}.
 */
public final class JdbiShipmentStore implements ShipmentStore {

    /** SQLSTATE of a unique-constraint violation, in H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private static final int MAX_DETAIL = 4000;
    private static final Logger LOG = LoggerFactory.getLogger(JdbiShipmentStore.class);

    private final Jdbi jdbi;

    public JdbiShipmentStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<ShipmentRecord> claim(OrderId orderId, ClientId client, String requestFingerprint, Instant now) {
        return guarded("claim order " + orderId, () -> {
            // A release between our failed insert and our read lets the order be claimed again: try once more.
            for (int round = 0; round < 3; round++) {
                if (insertClaim(orderId, client, requestFingerprint, now)
                        || reclaimNotCreated(orderId, client, requestFingerprint, now)) {
                    return Optional.empty();
                }
                Optional<ShipmentRecord> existing = find(orderId);
                if (existing.isPresent()) {
                    return existing;
                }
            }
            throw new IllegalStateException("order " + orderId + " keeps appearing and vanishing");
        });
    }

    @Override
    public void recordCreated(
            OrderId orderId, CreatedShipment shipment, boolean fallback, List<Attempt> attempts, Instant now) {
        guarded(
                "record the shipment of order " + orderId,
                () -> jdbi.inTransaction(handle -> {
                    int updated = handle.createUpdate("""
                            UPDATE shipment
                               SET status = :to, carrier = :carrier, tracking_number = :tracking,
                                   fallback = :fallback, updated_at = :now, personal_data_erased_at = NULL
                             WHERE order_id = :orderId AND status IN (<from>)""")
                            .define("from", from(ShipmentTransition.CREATE))
                            .bind("to", to(ShipmentTransition.CREATE))
                            .bind("carrier", shipment.carrier().value())
                            .bind("tracking", shipment.trackingNumber())
                            .bind("fallback", fallback)
                            .bind("now", UtcTime.of(now))
                            .bind("orderId", orderId.value())
                            .execute();
                    if (updated == 1) {
                        replaceAttempts(handle, orderId, attempts);
                        replaceParcels(handle, orderId, shipment.parcelTrackingNumbers());
                        replaceLabels(handle, orderId, shipment.labels());
                    }
                    return null;
                }));
    }

    @Override
    public List<Label> storeLabels(OrderId orderId, List<Label> labels) {
        return guarded(
                "store the labels of order " + orderId,
                () -> jdbi.inTransaction(handle -> {
                    // Locks the order's row: a concurrent store of its labels waits, and the later one wins whole.
                    // An erased order's labels are not kept again: they print both parties' addresses.
                    boolean created = handle.createQuery("""
                                    SELECT status FROM shipment
                                     WHERE order_id = :orderId AND personal_data_erased_at IS NULL FOR UPDATE""")
                            .bind("orderId", orderId.value())
                            .mapTo(String.class)
                            .findOne()
                            .filter(statusName(ShipmentStatus.CREATED)::equals)
                            .isPresent();
                    if (!created) {
                        return List.<Label>of();
                    }
                    replaceLabels(handle, orderId, labels);
                    return labels(handle, orderId);
                }));
    }

    @Override
    public void recordOutcomeUnknown(OrderId orderId, List<Attempt> attempts, Instant now) {
        guarded(
                "hold order " + orderId,
                () -> jdbi.inTransaction(handle -> {
                    int updated = handle.createUpdate("""
                            UPDATE shipment SET status = :to, fallback = :fallback, updated_at = :now,
                                   personal_data_erased_at = NULL
                             WHERE order_id = :orderId AND status IN (<from>)""")
                            .define("from", from(ShipmentTransition.HOLD))
                            .bind("to", to(ShipmentTransition.HOLD))
                            .bind("fallback", attempts.size() > 1)
                            .bind("now", UtcTime.of(now))
                            .bind("orderId", orderId.value())
                            .execute();
                    if (updated == 1) {
                        replaceAttempts(handle, orderId, attempts);
                    }
                    return null;
                }));
    }

    @Override
    public void release(OrderId orderId) {
        guarded(
                "release order " + orderId,
                () -> jdbi.withHandle(handle -> handle.createUpdate(
                                "DELETE FROM shipment WHERE order_id = :orderId AND status IN (<from>)")
                        .define("from", from(ShipmentTransition.RELEASE))
                        .bind("orderId", orderId.value())
                        .execute()));
    }

    @Override
    public Optional<ShipmentRecord> resolve(OrderId orderId, ShipmentResolution resolution) {
        return guarded(
                "resolve order " + orderId,
                () -> jdbi.inTransaction(handle -> {
                    Optional<ShipmentRecord> current = find(handle, orderId);
                    if (current.isEmpty() || !current.get().awaitsResolution(resolution.at())) {
                        return Optional.<ShipmentRecord>empty();
                    }
                    ShipmentRecord resolved = current.get().resolved(resolution);
                    Optional<CreatedShipment> found = resolved.shipment();
                    // Compare-and-set on what we read: of concurrent resolutions, exactly one matches.
                    int updated = handle.createUpdate("""
                            UPDATE shipment
                               SET status = :status, carrier = :carrier, tracking_number = :tracking,
                                   fallback = :fallback, updated_at = :now,
                                   resolved_by = :actor, resolution_found = :found, resolution_note = :note,
                                   resolved_at = :now, personal_data_erased_at = NULL
                             WHERE order_id = :orderId AND status = :expectedStatus AND updated_at = :expectedUpdatedAt""")
                            .bind("status", statusName(resolved.status()))
                            .bind("carrier", found.map(s -> s.carrier().value()).orElse(null))
                            .bind(
                                    "tracking",
                                    found.map(CreatedShipment::trackingNumber).orElse(null))
                            .bind("fallback", resolved.fallback())
                            .bind("now", UtcTime.of(resolution.at()))
                            .bind("actor", resolution.actor())
                            .bind("found", resolution.created())
                            .bind("note", resolution.note())
                            .bind("orderId", orderId.value())
                            .bind("expectedStatus", statusName(current.get().status()))
                            .bind("expectedUpdatedAt", UtcTime.of(current.get().updatedAt()))
                            .execute();
                    if (updated != 1) {
                        return Optional.<ShipmentRecord>empty();
                    }
                    found.ifPresent(shipment -> {
                        replaceParcels(handle, orderId, shipment.parcelTrackingNumbers());
                        replaceLabels(handle, orderId, shipment.labels());
                    });
                    return find(handle, orderId);
                }));
    }

    @Override
    public Optional<ShipmentRecord> find(OrderId orderId) {
        return guarded("read order " + orderId, () -> jdbi.withHandle(handle -> find(handle, orderId)));
    }

    @Override
    public List<ShipmentRecord> held(Instant now, Optional<HeldOrderCursor> after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        String page = after.isEmpty()
                ? ""
                : " AND (updated_at > :afterSince OR (updated_at = :afterSince AND order_id > :afterId))";
        return guarded(
                "list the held orders",
                () -> jdbi.inTransaction(handle -> {
                    Query query = heldQuery(
                                    handle,
                                    "SELECT order_id FROM shipment WHERE " + HELD + page
                                            + " ORDER BY updated_at, order_id LIMIT :limit",
                                    now)
                            .bind("limit", limit);
                    after.ifPresent(cursor -> query.bind("afterSince", UtcTime.of(cursor.since()))
                            .bind("afterId", cursor.orderId().value()));
                    List<String> ids = query.mapTo(String.class).list();
                    return ids.stream()
                            .map(id -> find(handle, OrderId.of(id)))
                            .flatMap(Optional::stream)
                            .toList();
                }));
    }

    @Override
    public HeldOrderSummary heldSummary(Instant now) {
        return guarded(
                "count the held orders",
                () -> jdbi.withHandle(handle -> heldQuery(
                                handle,
                                "SELECT COUNT(*) AS held, MIN(updated_at) AS oldest FROM shipment WHERE " + HELD,
                                now)
                        .map((rs, ctx) -> {
                            long count = rs.getLong("held");
                            return count == 0
                                    ? HeldOrderSummary.NONE
                                    : new HeldOrderSummary(count, Optional.of(UtcTime.read(rs, "oldest")));
                        })
                        .one()));
    }

    /**
     * {@link ShipmentRecord#awaitsResolution} in SQL: outcome unknown, or a claim not updated for longer than
     * {@link ShipmentRecord#ABANDONED_AFTER}. The index on (status, updated_at) serves both halves.
     */
    private static final String HELD =
            "(status = :outcomeUnknown OR (status = :inProgress AND updated_at < :abandonedBefore))";

    private static Query heldQuery(Handle handle, String sql, Instant now) {
        return handle.createQuery(sql)
                .bind("outcomeUnknown", statusName(ShipmentStatus.OUTCOME_UNKNOWN))
                .bind("inProgress", statusName(ShipmentStatus.IN_PROGRESS))
                .bind("abandonedBefore", UtcTime.of(now.minus(ShipmentRecord.ABANDONED_AFTER)));
    }

    private boolean insertClaim(OrderId orderId, ClientId client, String fingerprint, Instant now) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate("""
                            INSERT INTO shipment
                                   (order_id, request_fingerprint, status, fallback, created_at, updated_at, client_name)
                            VALUES (:orderId, :fingerprint, :status, FALSE, :now, :now, :client)""")
                    .bind("status", statusName(ShipmentStatus.IN_PROGRESS))
                    .bind("orderId", orderId.value())
                    .bind("client", client.value())
                    .bind("fingerprint", fingerprint)
                    .bind("now", UtcTime.of(now))
                    .execute());
            return true;
        } catch (JdbiException e) {
            if (isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * An order found not created is claimed again, by a client it is visible to ({@link ShipmentRecord#isVisibleTo}:
     * its own client, or any client for an order stored without one), and becomes that client's.
     */
    private boolean reclaimNotCreated(OrderId orderId, ClientId client, String fingerprint, Instant now) {
        return jdbi.inTransaction(handle -> {
            int updated = handle.createUpdate("""
                            UPDATE shipment
                               SET status = :to, request_fingerprint = :fingerprint, carrier = NULL,
                                   tracking_number = NULL, label_url = NULL, fallback = FALSE, updated_at = :now,
                                   client_name = :client, personal_data_erased_at = NULL
                             WHERE order_id = :orderId AND status IN (<from>)
                               AND (client_name IS NULL OR client_name = :client)""")
                    .define("from", from(ShipmentTransition.RECLAIM))
                    .bind("to", to(ShipmentTransition.RECLAIM))
                    .bind("client", client.value())
                    .bind("fingerprint", fingerprint)
                    .bind("now", UtcTime.of(now))
                    .bind("orderId", orderId.value())
                    .execute();
            if (updated == 1) {
                replaceAttempts(handle, orderId, List.of());
                replaceParcels(handle, orderId, List.of());
                replaceLabels(handle, orderId, List.of());
            }
            return updated == 1;
        });
    }

    private static Optional<ShipmentRecord> find(Handle handle, OrderId orderId) {
        Optional<Row> row = handle.createQuery("SELECT * FROM shipment WHERE order_id = :orderId")
                .bind("orderId", orderId.value())
                .map((rs, ctx) -> Row.read(rs))
                .findOne();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<Attempt> attempts = handle.createQuery("""
                        SELECT carrier, outcome, detail FROM shipment_attempt
                         WHERE order_id = :orderId ORDER BY attempt_no""")
                .bind("orderId", orderId.value())
                .map((rs, ctx) -> new Attempt(
                        CarrierId.of(rs.getString("carrier")),
                        AttemptOutcome.valueOf(rs.getString("outcome").toUpperCase(Locale.ROOT)),
                        rs.getString("detail")))
                .list();
        List<String> parcels = handle.createQuery("""
                        SELECT tracking_number FROM shipment_parcel WHERE order_id = :orderId ORDER BY parcel_no""")
                .bind("orderId", orderId.value())
                .mapTo(String.class)
                .list();
        return Optional.of(row.get().toRecord(attempts, parcels, labels(handle, orderId)));
    }

    private static List<Label> labels(Handle handle, OrderId orderId) {
        return handle.createQuery("""
                        SELECT parcel_no, format, content, source_url FROM shipment_label
                         WHERE order_id = :orderId ORDER BY parcel_no""")
                .bind("orderId", orderId.value())
                .map((rs, ctx) -> new Label(
                        rs.getInt("parcel_no"),
                        LabelFormat.of(rs.getString("format"), "format"),
                        Optional.ofNullable(rs.getBytes("content")),
                        Optional.ofNullable(rs.getString("source_url")).map(URI::create)))
                .list();
    }

    /** The order's labels become {@code labels}, less any with a defect, which is logged with its reason. */
    private static void replaceLabels(Handle handle, OrderId orderId, List<Label> labels) {
        List<Label> sound = new ArrayList<>();
        for (Label label : labels) {
            label.defect()
                    .ifPresentOrElse(
                            defect -> LOG.warn("order {}: a label is not stored: {}", orderId, defect),
                            () -> sound.add(label));
        }
        replaceRows(
                handle,
                orderId,
                "shipment_label",
                """
                INSERT INTO shipment_label (order_id, parcel_no, format, content, source_url)
                VALUES (:orderId, :parcelNo, :format, :content, :sourceUrl)""",
                sound,
                (batch, label, number) -> batch.bind("parcelNo", label.parcel())
                        .bind("format", label.format().wireName())
                        .bindByType("content", label.content().orElse(null), byte[].class)
                        .bind("sourceUrl", label.source().map(URI::toString).orElse(null)));
    }

    private static void replaceAttempts(Handle handle, OrderId orderId, List<Attempt> attempts) {
        replaceRows(
                handle,
                orderId,
                "shipment_attempt",
                """
                INSERT INTO shipment_attempt (order_id, attempt_no, carrier, outcome, detail)
                VALUES (:orderId, :attemptNo, :carrier, :outcome, :detail)""",
                attempts,
                (batch, attempt, number) -> batch.bind("attemptNo", number)
                        .bind("carrier", attempt.carrier().value())
                        .bind("outcome", attempt.outcome().name().toLowerCase(Locale.ROOT))
                        .bind("detail", truncate(attempt.detail())));
    }

    private static void replaceParcels(Handle handle, OrderId orderId, List<String> trackingNumbers) {
        replaceRows(
                handle,
                orderId,
                "shipment_parcel",
                """
                INSERT INTO shipment_parcel (order_id, parcel_no, tracking_number)
                VALUES (:orderId, :parcelNo, :trackingNumber)""",
                trackingNumbers,
                (batch, trackingNumber, number) ->
                        batch.bind("parcelNo", number).bind("trackingNumber", trackingNumber));
    }

    /** Binds one element's columns, {@code :orderId} aside; {@code number} counts the elements from 1. */
    @FunctionalInterface
    private interface RowBinder<T> {
        void bind(PreparedBatch batch, T element, int number);
    }

    /** The order's rows in {@code table} become one per element, inserted with {@code insert} in one batch. */
    private static <T> void replaceRows(
            Handle handle, OrderId orderId, String table, String insert, List<T> elements, RowBinder<T> binder) {
        handle.createUpdate("DELETE FROM " + table + " WHERE order_id = :orderId")
                .bind("orderId", orderId.value())
                .execute();
        if (elements.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch(insert);
        for (int i = 0; i < elements.size(); i++) {
            binder.bind(batch.bind("orderId", orderId.value()), elements.get(i), i + 1);
            batch.add();
        }
        batch.execute();
    }

    private static <T> T guarded(String what, Supplier<T> work) {
        return DatabaseFailures.guarded(
                "the shipment store cannot " + what, work, ShipmentStoreUnavailableException::new);
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String truncate(String detail) {
        return detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 1) + "…";
    }

    /** The statuses a move starts from, as an SQL list of literals (fixed names, never request data). */
    private static String from(ShipmentTransition transition) {
        return transition.from().stream()
                .map(status -> "'" + statusName(status) + "'")
                .sorted()
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String to(ShipmentTransition transition) {
        return statusName(transition.to().orElseThrow());
    }

    private static String statusName(ShipmentStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /** One row of {@code shipment}, before its attempts and parcels are read. */
    private record Row(
            OrderId orderId,
            String fingerprint,
            ShipmentStatus status,
            Optional<CarrierId> carrier,
            Optional<String> trackingNumber,
            boolean fallback,
            Instant createdAt,
            Instant updatedAt,
            Optional<String> resolvedBy,
            boolean resolutionFound,
            String resolutionNote,
            Optional<Instant> resolvedAt,
            Optional<ClientId> client,
            Optional<Instant> personalDataErasedAt) {

        static Row read(ResultSet rs) throws SQLException {
            return new Row(
                    OrderId.of(rs.getString("order_id")),
                    rs.getString("request_fingerprint"),
                    ShipmentStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                    Optional.ofNullable(rs.getString("carrier")).map(CarrierId::of),
                    Optional.ofNullable(rs.getString("tracking_number")),
                    rs.getBoolean("fallback"),
                    UtcTime.read(rs, "created_at"),
                    UtcTime.read(rs, "updated_at"),
                    Optional.ofNullable(rs.getString("resolved_by")),
                    rs.getBoolean("resolution_found"),
                    Optional.ofNullable(rs.getString("resolution_note")).orElse(""),
                    Optional.ofNullable(UtcTime.read(rs, "resolved_at")),
                    Optional.ofNullable(rs.getString("client_name")).map(ClientId::of),
                    Optional.ofNullable(UtcTime.read(rs, "personal_data_erased_at")));
        }

        ShipmentRecord toRecord(List<Attempt> attempts, List<String> parcels, List<Label> labels) {
            Optional<CreatedShipment> shipment = carrier.flatMap(
                    c -> trackingNumber.map(tracking -> new CreatedShipment(c, tracking, parcels, labels)));
            Optional<ShipmentResolution> resolution = resolvedBy.flatMap(actor -> resolvedAt.map(at ->
                    new ShipmentResolution(resolutionFound ? shipment : Optional.empty(), actor, resolutionNote, at)));
            return new ShipmentRecord(
                    orderId,
                    fingerprint,
                    status,
                    status == ShipmentStatus.CREATED ? shipment : Optional.empty(),
                    fallback,
                    attempts,
                    createdAt,
                    updatedAt,
                    resolution,
                    client,
                    personalDataErasedAt);
        }
    }
}
