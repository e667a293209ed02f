package io.haderos.shipping.application.service;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The periodic task of a background service (reconciler, heartbeat, retention, fleet sync, trial prober) on the timer
 * it was given: scheduled once, cancelled once.
 */
final class Ticking {

    private final ScheduledExecutorService timer;
    private volatile ScheduledFuture<?> scheduled;

    /** @param timer runs the ticks; a tick only hands work on, or does little enough not to hold the other timers */
    Ticking(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** {@code tick} every {@code period}, the first one a period from now, each counted from the last one's start. */
    void atFixedRate(Duration period, Runnable tick) {
        atFixedRate(period, period, tick);
    }

    /** {@code tick} every {@code period}, the first one {@code first} from now, each counted from the last one's start. */
    void atFixedRate(Duration first, Duration period, Runnable tick) {
        scheduled = timer.scheduleAtFixedRate(tick, first.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** {@code tick} every {@code period}, the first one a period from now, each counted from the last one's end. */
    void withFixedDelay(Duration period, Runnable tick) {
        scheduled = timer.scheduleWithFixedDelay(tick, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** No further tick; one already running finishes. Harmless before the start and when repeated. */
    void stop() {
        ScheduledFuture<?> current = scheduled;
        if (current != null) {
            current.cancel(false);
        }
    }
}
