package io.haderos.shipping.application.service;

import io.haderos.shipping.application.port.out.RetentionObserver;
import io.haderos.shipping.application.port.out.RetentionObserver.RetentionRun;
import io.haderos.shipping.domain.policy.RetentionPeriods;
import io.haderos.shipping.domain.port.out.DataRetention;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Removes what is past its retention (docs/architecture.md#retention): {@link #FIRST_RUN_AFTER} after the start, then
 * every {@link #INTERVAL}, it deletes the breaker transitions older than the audit trail's period and erases the
 * personal data of orders unchanged for longer than theirs, {@value #BATCH} rows per transaction, until none are left
 * or the job is closed. Every instance of a fleet runs it; two runs at once only share the work.
 *
 * <p>The timer's task only hands the run to {@code worker}; a run still going when the next falls due is not doubled.
 * A run the database stops is reported and tried again at the next interval.
 */
public final class DataRetentionJob implements AutoCloseable {

    /** Rows removed per transaction: small enough that no lock is held for long, whatever the table's size. */
    public static final int BATCH = 500;
    /** The first run waits this long after the start, so that a starting gateway does its own work first. */
    public static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(10);
    /** Between runs: the periods are counted in days, so once a day keeps every table within a day of them. */
    public static final Duration INTERVAL = Duration.ofDays(1);

    private final DataRetention retention;
    private final RetentionPeriods periods;
    private final PeriodicWork runs;
    private final Clock clock;
    private final RetentionObserver observer;
    private volatile boolean closed;

    /**
     * @param timer  schedules the runs; its task only hands them to {@code worker}
     * @param worker runs them: blocking database work, for as long as a run takes
     */
    public DataRetentionJob(
            DataRetention retention,
            RetentionPeriods periods,
            ScheduledExecutorService timer,
            Executor worker,
            Clock clock,
            RetentionObserver observer) {
        this.retention = retention;
        this.periods = periods;
        this.runs = new PeriodicWork(timer, worker);
        this.clock = clock;
        this.observer = observer;
    }

    /** Schedules the runs. */
    public DataRetentionJob start() {
        runs.atFixedRate(FIRST_RUN_AFTER, INTERVAL, this::runUnlessClosed);
        return this;
    }

    /** No run starts after this; one in progress stops after its current batch. */
    @Override
    public void close() {
        closed = true;
        runs.stop();
    }

    private void runUnlessClosed() {
        if (!closed) {
            run();
        }
    }

    /** One run, on the calling thread; the cut-offs are fixed at its start, so it ends however busy the tables are. */
    RetentionRun run() {
        Instant startedAt = clock.instant();
        Instant transitionsCutoff = periods.auditTrailCutoff(startedAt);
        Instant ordersCutoff = periods.personalDataCutoff(startedAt);
        long transitions = 0;
        long orders = 0;
        try {
            int deleted;
            do {
                deleted = retention.deleteTransitionsBefore(transitionsCutoff, BATCH);
                transitions += deleted;
            } while (deleted == BATCH && !closed);
            int erased = closed ? 0 : BATCH;
            while (erased == BATCH && !closed) {
                erased = retention.erasePersonalDataBefore(ordersCutoff, clock.instant(), BATCH);
                orders += erased;
            }
        } catch (RuntimeException e) {
            observer.failed(new RetentionRun(startedAt, transitions, orders), e);
            return new RetentionRun(startedAt, transitions, orders);
        }
        RetentionRun run = new RetentionRun(startedAt, transitions, orders);
        observer.completed(run);
        return run;
    }
}
