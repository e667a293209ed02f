package io.haderos.shipping.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up work that does not depend on the rest of the wiring (the sandbox, the database and its migrations, the TLS
 * context, Jersey), each on a thread of its own so that it runs beside the wiring instead of before it
 * (docs/architecture.md#start-up). The wiring {@link Task#join() joins} a task where it needs its result and then owns
 * it; when start-up fails, {@link #abandon()} waits for every task and closes what the wiring had not taken yet.
 */
final class StartupTasks {

    private static final Logger LOG = LoggerFactory.getLogger(StartupTasks.class);

    private final List<Task<?>> tasks = new ArrayList<>();

    /**
     * Starts {@code work} on a new daemon thread {@code gateway-start-<name>}.
     *
     * @param close how to close its result, should start-up fail before the wiring joins it
     */
    <T> Task<T> start(String name, Callable<T> work, Consumer<T> close) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        result.complete(work.call());
                    } catch (Throwable e) { // handed to the thread that joins
                        result.completeExceptionally(e);
                    }
                },
                "gateway-start-" + name);
        thread.setDaemon(true);
        Task<T> task = new Task<>(result, close);
        tasks.add(task);
        thread.start();
        return task;
    }

    /** Waits for every task and closes each result that no one joined; what failed has nothing to close. */
    void abandon() {
        for (Task<?> task : tasks) {
            task.closeUnlessJoined();
        }
    }

    /** One task's result. */
    static final class Task<T> {

        private final CompletableFuture<T> result;
        private final Consumer<T> close;
        private boolean joined;

        private Task(CompletableFuture<T> result, Consumer<T> close) {
            this.result = result;
            this.close = close;
        }

        /**
         * Waits for the result, which the caller then owns; rethrows what the task threw (an unchecked exception as
         * it is, a checked one wrapped in a {@link CompletionException}).
         */
        T join() {
            joined = true;
            try {
                return result.get();
            } catch (ExecutionException e) {
                throw unchecked(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        }

        private void closeUnlessJoined() {
            if (joined) {
                return;
            }
            T value;
            try {
                value = result.join();
            } catch (RuntimeException e) {
                return; // it failed, so it holds nothing; the failure that stopped start-up is the one reported
            }
            try {
                close.accept(value);
            } catch (RuntimeException e) {
                LOG.warn("could not close {}: {}", value.getClass().getSimpleName(), e.toString());
            }
        }

        private static RuntimeException unchecked(Throwable cause) {
            if (cause instanceof RuntimeException runtime) {
                return runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            return new CompletionException(cause);
        }
    }
}
