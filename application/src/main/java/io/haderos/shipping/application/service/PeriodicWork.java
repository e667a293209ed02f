package io.haderos.shipping.application.service;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * The periodic work of a background service (heartbeat, reconciler, retention): the timer's ticks only hand it to the
 * worker, and never while the previous run is still queued or going ({@link SingleFlight}), so that runs do not pile up
 * behind a slow database. Scheduled once, stopped once ({@link Ticking}).
 */
final class PeriodicWork {

    private final Ticking ticking;
    private final SingleFlight runs;

    /**
     * @param timer  schedules the runs; its task only hands them to {@code worker}
     * @param worker runs them: blocking work, for as long as a run takes
     */
    PeriodicWork(ScheduledExecutorService timer, Executor worker) {
        this.ticking = new Ticking(timer);
        this.runs = new SingleFlight(worker);
    }

    /** {@code work} every {@code period}, the first run a period from now. */
    void atFixedRate(Duration period, Runnable work) {
        atFixedRate(period, period, work);
    }

    /** {@code work} every {@code period}, the first run {@code first} from now. */
    void atFixedRate(Duration first, Duration period, Runnable work) {
        ticking.atFixedRate(first, period, () -> runs.run(work));
    }

    /**
     * Like {@link #atFixedRate(Duration, Runnable)}, for work that ends later than it returns (one that starts carrier
     * calls, say): a run lasts until the stage {@code work} returns has completed.
     */
    void atFixedRateAsync(Duration period, Supplier<? extends CompletionStage<?>> work) {
        ticking.atFixedRate(period, () -> runs.runAsync(work));
    }

    /** No further tick hands a run to the worker; one handed to it already still runs. Harmless when repeated. */
    void stop() {
        ticking.stop();
    }
}
