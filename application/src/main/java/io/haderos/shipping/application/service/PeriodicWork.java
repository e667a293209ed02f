package io.haderos.shipping.application.service;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Work done every interval on a worker executor (blocking database work), one run at a time: the timer's task only
 * hands the run over, so the timer never blocks; a tick while a run is still going (or while the worker refuses work)
 * is skipped, and the next interval tries again. A run may end later than it returns: it ends when the stage it
 * returns completes (a run that starts carrier calls, say). Closing cancels the ticks; a run under way finishes.
 */
final class PeriodicWork implements AutoCloseable {

    private final ScheduledExecutorService timer;
    private final Executor worker;
    private final Supplier<? extends CompletionStage<?>> run;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean closed;
    private volatile ScheduledFuture<?> ticking;

    /** @param run one run, on the worker; the run lasts until the stage it returns completes, however it completes */
    PeriodicWork(ScheduledExecutorService timer, Executor worker, Supplier<? extends CompletionStage<?>> run) {
        this.timer = timer;
        this.worker = worker;
        this.run = run;
    }

    /** Work whose run ends when it returns. */
    static PeriodicWork blocking(ScheduledExecutorService timer, Executor worker, Runnable run) {
        return new PeriodicWork(timer, worker, () -> {
            run.run();
            return CompletableFuture.completedFuture(null);
        });
    }

    /** Ticks every {@code interval}, the first after {@code firstAfter}. */
    PeriodicWork start(Duration firstAfter, Duration interval) {
        ticking = timer.scheduleAtFixedRate(
                this::tick, firstAfter.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void close() {
        closed = true;
        ScheduledFuture<?> current = ticking;
        if (current != null) {
            current.cancel(false);
        }
    }

    /** Hands a run to the worker unless one is under way or this is closed. Never blocks, never throws. */
    void tick() {
        if (closed || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(this::runOnce);
        } catch (RejectedExecutionException e) {
            running.set(false);
        }
    }

    private void runOnce() {
        CompletionStage<?> done;
        try {
            done = run.get();
        } catch (RuntimeException e) {
            running.set(false);
            return;
        }
        done.whenComplete((result, failure) -> running.set(false));
    }
}
