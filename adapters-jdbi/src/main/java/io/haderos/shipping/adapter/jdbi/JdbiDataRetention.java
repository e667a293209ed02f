package io.haderos.shipping.adapter.jdbi;

import io.haderos.shipping.domain.port.out.DataRetention;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link DataRetention} over the gateway's tables (migration V10): one short transaction per batch, with statements that
 * read the same on H2 and PostgreSQL. Two instances running a batch at once wait for each other's rows and then find
 * them gone or marked, so each row is removed once. Failures surface as {@link IllegalStateException}s whose message
 * names no credential.
 */
public final class JdbiDataRetention implements DataRetention {

    /** The orders the running batch has marked erased: the ones its steps erase. */
    private static final String MARKED = "SELECT order_id FROM shipment WHERE personal_data_erased_at = :erasedAt";

    /**
     * What erasing an order's personal data means: one statement per table that holds some, each limited to the orders
     * of {@link #MARKED} (bound: {@code :erasedAt}). Whatever keeps an order's idempotency record is left alone. A
     * table added later joins with one line here.
     */
    static final List<String> ERASURE_STEPS = List.of(
            // Carriers' answers may repeat what they were sent (a rejected phone number, an address they could not
            // read).
            "UPDATE shipment_attempt SET detail = '' WHERE detail <> '' AND order_id IN (" + MARKED + ")",
            // A carrier's label link opens the label itself; the operator's note is free text about the order.
            "UPDATE shipment SET label_url = NULL, resolution_note = NULL WHERE personal_data_erased_at = :erasedAt"
                    + " AND (label_url IS NOT NULL OR resolution_note IS NOT NULL)",
            // A stored label prints the consignee's name and address (V8).
            "DELETE FROM shipment_label WHERE order_id IN (" + MARKED + ")");

    /**
     * Marks the oldest batch of orders still holding personal data, which the steps then erase. The outer conditions
     * are checked again on each row once it is locked: a row another instance marked (or a client reclaimed) meanwhile
     * is left alone. Ordered by both columns of {@code shipment_personal_data_idx}, so that PostgreSQL reads the batch
     * off the index instead of sorting every candidate.
     */
    private static final String MARK = """
            UPDATE shipment SET personal_data_erased_at = :erasedAt
             WHERE order_id IN (SELECT order_id FROM shipment
                                 WHERE personal_data_erased_at IS NULL AND updated_at < :cutoff
                                 ORDER BY personal_data_erased_at, updated_at
                                 LIMIT :limit)
               AND personal_data_erased_at IS NULL AND updated_at < :cutoff""";

    /** The oldest batch, read off the {@code occurred_at} index, then deleted by primary key. */
    private static final String DELETE_TRANSITIONS = """
            DELETE FROM circuit_transition
             WHERE id IN (SELECT id FROM circuit_transition WHERE occurred_at < :cutoff ORDER BY occurred_at LIMIT :limit)""";

    /**
     * A process last seen before the cut-off, once none of its transitions is left: one that died just after a
     * transition may have one a little newer than its last heartbeat, and the audit queries need that heartbeat to end
     * the outage it may have left open.
     */
    private static final String DELETE_INSTANCES = """
            DELETE FROM gateway_instance
             WHERE last_seen < :cutoff
               AND NOT EXISTS (SELECT 1 FROM circuit_transition t WHERE t.instance_id = gateway_instance.instance_id)""";

    private final Jdbi jdbi;

    public JdbiDataRetention(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public int deleteTransitionsBefore(Instant cutoff, int limit) {
        return guarded(
                "delete old breaker transitions",
                () -> jdbi.withHandle(handle -> {
                    int deleted = handle.createUpdate(DELETE_TRANSITIONS)
                            .bind("cutoff", UtcTime.of(cutoff))
                            .bind("limit", limit)
                            .execute();
                    if (deleted < limit) {
                        handle.createUpdate(DELETE_INSTANCES)
                                .bind("cutoff", UtcTime.of(cutoff))
                                .execute();
                    }
                    return deleted;
                }));
    }

    @Override
    public int erasePersonalDataBefore(Instant cutoff, Instant erasedAt, int limit) {
        return guarded(
                "erase old orders' personal data",
                () -> jdbi.inTransaction(handle -> {
                    int marked = handle.createUpdate(MARK)
                            .bind("erasedAt", UtcTime.of(erasedAt))
                            .bind("cutoff", UtcTime.of(cutoff))
                            .bind("limit", limit)
                            .execute();
                    if (marked > 0) {
                        for (String step : ERASURE_STEPS) {
                            handle.createUpdate(step)
                                    .bind("erasedAt", UtcTime.of(erasedAt))
                                    .execute();
                        }
                    }
                    return marked;
                }));
    }

    private static <T> T guarded(String what, Supplier<T> work) {
        return DatabaseFailures.guarded("the retention cannot " + what, work, IllegalStateException::new);
    }
}
