package io.haderos.shipping.application.service;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands a periodic task to an executor unless its previous run is still queued or running, so that a timer's ticks
 * never pile up behind a slow database. A refused hand-over leaves the next tick free to try again.
 */
final class SingleFlight {

    private final Executor executor;
    private final AtomicBoolean busy = new AtomicBoolean();

    SingleFlight(Executor executor) {
        this.executor = executor;
    }

    /** Runs {@code task} on the executor, unless the previous one has not ended yet or the executor refuses it. */
    void run(Runnable task) {
        if (!busy.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } finally {
                    busy.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            busy.set(false);
        }
    }
}
