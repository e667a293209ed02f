package io.haderos.shipping.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.application.port.out.RetentionObserver;
import io.haderos.shipping.application.port.out.RetentionObserver.RetentionRun;
import io.haderos.shipping.domain.policy.RetentionPeriods;
import io.haderos.shipping.domain.port.out.DataRetention;
import io.haderos.shipping.domain.testing.ManualScheduler;
import io.haderos.shipping.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** docs/architecture.md#retention: when the retention runs, what it asks the database for, and what it reports. */
class DataRetentionJobTest {

    private final MutableClock clock = MutableClock.at("2026-06-01T00:00:00Z");
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final FakeRetention store = new FakeRetention();
    private final Runs runs = new Runs();
    private final DataRetentionJob job =
            new DataRetentionJob(store, RetentionPeriods.DEFAULT, scheduler, scheduler, clock, runs);

    @Test
    void givenAStartedJob_whenTimePasses_thenItRunsTenMinutesAfterTheStartAndThenDaily() {
        job.start();

        scheduler.advance(Duration.ofMinutes(9));
        assertThat(runs.completed).isEmpty();
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(runs.completed).hasSize(1);
        scheduler.advance(Duration.ofHours(23));
        assertThat(runs.completed).hasSize(1);
        scheduler.advance(Duration.ofHours(1));
        assertThat(runs.completed).hasSize(2);
        scheduler.advance(Duration.ofDays(3));
        assertThat(runs.completed).hasSize(5);
    }

    @Test
    void givenARun_thenItsCutOffsAreTheConfiguredPeriodsBeforeItsStart() {
        RetentionPeriods periods = new RetentionPeriods(Duration.ofDays(30), Duration.ofDays(7));

        startThenReachTheFirstRun(new DataRetentionJob(store, periods, scheduler, scheduler, clock, runs));

        Instant now = clock.instant();
        assertThat(store.transitionCutoffs).containsOnly(now.minus(Duration.ofDays(30)));
        assertThat(store.orderCutoffs).containsOnly(now.minus(Duration.ofDays(7)));
    }

    @Test
    void givenMoreOldRowsThanOneBatch_whenItRuns_thenItGoesOnBatchByBatchAndReportsTheTotals() {
        store.oldTransitions = 1_234;
        store.oldOrders = 501;

        startThenReachTheFirstRun(job);

        assertThat(store.transitionCutoffs).hasSize(3);
        assertThat(store.limits).containsOnly(DataRetentionJob.BATCH);
        assertThat(runs.completed).containsExactly(new RetentionRun(clock.instant(), 1_234, 501));
        assertThat(store.oldTransitions).isZero();
        assertThat(store.oldOrders).isZero();
    }

    @Test
    void givenTheDatabaseFailsMidRun_thenTheRunReportsWhatItDid_andTheNextRunFinishesTheWork() {
        store.oldTransitions = 700;
        store.failAfterCalls = 1;

        startThenReachTheFirstRun(job);

        assertThat(runs.completed).isEmpty();
        assertThat(runs.failed).containsExactly(new RetentionRun(clock.instant(), 500, 0));
        store.failAfterCalls = Integer.MAX_VALUE;
        scheduler.advance(DataRetentionJob.INTERVAL);
        assertThat(runs.completed).containsExactly(new RetentionRun(clock.instant(), 200, 0));
    }

    @Test
    void givenAClosedJob_thenItNeverRunsAgain() {
        job.start();
        job.close();

        scheduler.advance(Duration.ofDays(2));

        assertThat(runs.completed).isEmpty();
        assertThat(scheduler.pending()).isZero();
    }

    /** Starts {@code started} and moves the time on to its first run. */
    private void startThenReachTheFirstRun(DataRetentionJob started) {
        started.start();
        scheduler.advance(DataRetentionJob.FIRST_RUN_AFTER);
    }

    /** Holds counts of old rows and removes them as the real store would, at most {@code limit} a call. */
    private static final class FakeRetention implements DataRetention {
        int oldTransitions;
        int oldOrders;
        int failAfterCalls = Integer.MAX_VALUE;
        int calls;
        final List<Instant> transitionCutoffs = new ArrayList<>();
        final List<Instant> orderCutoffs = new ArrayList<>();
        final List<Integer> limits = new ArrayList<>();

        @Override
        public int deleteTransitionsBefore(Instant cutoff, int limit) {
            called(limit);
            transitionCutoffs.add(cutoff);
            int deleted = Math.min(limit, oldTransitions);
            oldTransitions -= deleted;
            return deleted;
        }

        @Override
        public int erasePersonalDataBefore(Instant cutoff, Instant erasedAt, int limit) {
            called(limit);
            orderCutoffs.add(cutoff);
            int erased = Math.min(limit, oldOrders);
            oldOrders -= erased;
            return erased;
        }

        private void called(int limit) {
            if (calls++ >= failAfterCalls) {
                throw new IllegalStateException("the database is away");
            }
            limits.add(limit);
        }
    }

    private static final class Runs implements RetentionObserver {
        final List<RetentionRun> completed = new CopyOnWriteArrayList<>();
        final List<RetentionRun> failed = new CopyOnWriteArrayList<>();

        @Override
        public void completed(RetentionRun run) {
            completed.add(run);
        }

        @Override
        public void failed(RetentionRun sofar, RuntimeException failure) {
            failed.add(sofar);
        }
    }
}
