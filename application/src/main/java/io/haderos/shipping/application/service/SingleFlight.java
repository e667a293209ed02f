package io.haderos.shipping.application.service;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

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
        runAsync(() -> {
            task.run();
            return CompletableFuture.completedFuture(null);
        });
    }

    /**
     * Like {@link #run}, for a task that ends later than it returns (one that starts carrier calls, say): the run lasts
     * until the stage {@code task} returns has completed, however it completes.
     */
    void runAsync(Supplier<? extends CompletionStage<?>> task) {
        if (!busy.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                CompletionStage<?> ended;
                try {
                    ended = task.get();
                } catch (RuntimeException | Error e) {
                    busy.set(false);
                    throw e;
                }
                ended.whenComplete((result, failure) -> busy.set(false));
            });
        } catch (RejectedExecutionException e) {
            busy.set(false);
        }
    }
}
