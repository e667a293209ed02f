package io.haderos.shipping.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.domain.testing.ManualScheduler;
import io.haderos.shipping.domain.testing.MutableClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** One run at a time, handed to the worker; a run lasts until its stage completes; closing stops the ticks. */
class PeriodicWorkTest {

    private static final Duration INTERVAL = Duration.ofSeconds(10);

    private final ManualScheduler timer = new ManualScheduler(MutableClock.at("2026-11-30T10:00:00Z"));
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicReference<CompletableFuture<Void>> current = new AtomicReference<>();

    private PeriodicWork work(Executor worker) {
        return new PeriodicWork(timer, worker, () -> {
            runs.incrementAndGet();
            CompletableFuture<Void> run = new CompletableFuture<>();
            current.set(run);
            return run;
        });
    }

    @Test
    void givenARunStillGoing_whenTheNextTickFallsDue_thenItIsSkipped_andTheTickAfterItsEndRuns() {
        PeriodicWork work = work(Runnable::run).start(INTERVAL, INTERVAL);

        timer.advance(INTERVAL.multipliedBy(3));
        assertThat(runs).hasValue(1);

        current.get().complete(null);
        timer.advance(INTERVAL);
        assertThat(runs).hasValue(2);

        current.get().completeExceptionally(new IllegalStateException("a failed run ends too"));
        timer.advance(INTERVAL);
        assertThat(runs).hasValue(3);
        work.close();
    }

    @Test
    void givenAWorkerThatRefuses_thenTheTickIsDropped_andTheNextOneTriesAgain() {
        AtomicInteger refusals = new AtomicInteger(1);
        PeriodicWork work = work(task -> {
                    if (refusals.getAndDecrement() > 0) {
                        throw new RejectedExecutionException("queue full");
                    }
                    task.run();
                })
                .start(INTERVAL, INTERVAL);

        timer.advance(INTERVAL);
        assertThat(runs).hasValue(0);

        timer.advance(INTERVAL);
        assertThat(runs).hasValue(1);
        work.close();
    }

    @Test
    void givenClosed_thenNoRunStarts() {
        PeriodicWork work = work(Runnable::run).start(INTERVAL, INTERVAL);

        work.close();
        timer.advance(INTERVAL.multipliedBy(5));
        work.tick();

        assertThat(runs).hasValue(0);
    }
}
