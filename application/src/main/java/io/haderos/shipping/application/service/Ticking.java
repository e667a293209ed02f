package io.haderos.shipping.application.service;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The periodic task of a background service (reconciler, heartbeat, trial prober): scheduled once, cancelled once. */
final class Ticking {

    private volatile ScheduledFuture<?> scheduled;

    /** {@code tick} every {@code period}, the first one a period from now, each counted from the last one's start. */
    void atFixedRate(ScheduledExecutorService timer, Duration period, Runnable tick) {
        atFixedRate(timer, period, period, tick);
    }

    /** {@code tick} every {@code period}, the first one {@code first} from now, each counted from the last one's start. */
    void atFixedRate(ScheduledExecutorService timer, Duration first, Duration period, Runnable tick) {
        scheduled = timer.scheduleAtFixedRate(tick, first.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** {@code tick} every {@code period}, the first one a period from now, each counted from the last one's end. */
    void withFixedDelay(ScheduledExecutorService timer, Duration period, Runnable tick) {
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
