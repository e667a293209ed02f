package io.haderos.shipping.application.port.out;

import java.time.Instant;

/** Hears how each retention run went (docs/architecture.md#retention): the composition root logs it. */
public interface RetentionObserver {

    /** A run that went through to its end. */
    void completed(RetentionRun run);

    /**
     * A run the database stopped; what it removed before that stays removed, the rest waits for the next run.
     *
     * @param sofar what the run removed before it failed
     */
    void failed(RetentionRun sofar, RuntimeException failure);

    /**
     * What one run removed.
     *
     * @param startedAt           when it started
     * @param transitionsDeleted  breaker transitions past the audit trail's retention, deleted
     * @param ordersErased        orders whose personal data was erased
     */
    record RetentionRun(Instant startedAt, long transitionsDeleted, long ordersErased) {}
}
