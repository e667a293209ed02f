package io.haderos.shipping.application.service;

import io.haderos.shipping.domain.port.out.ShipmentStoreUnavailableException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Runs blocking work (the database) on the bounded executor given for it, never on the thread that asks: request
 * threads and carrier reply threads must stay free (docs/architecture.md#slowness-and-hangs).
 */
final class BlockingWork {

    private final Executor executor;

    BlockingWork(Executor executor) {
        this.executor = executor;
    }

    /** {@code work} on the executor; when its queue is full the future fails as if the database were away. */
    <T> CompletableFuture<T> supply(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(
                    new ShipmentStoreUnavailableException("the database's work queue is full", e));
        }
    }

    /**
     * {@code work} that must not be dropped (recording what a carrier did): on the executor, or on the calling
     * thread when the executor's queue is full.
     */
    <T> CompletableFuture<T> supplyEvenIfFull(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, executor);
        } catch (RejectedExecutionException e) {
            try {
                return CompletableFuture.completedFuture(work.get());
            } catch (RuntimeException failure) {
                return CompletableFuture.failedFuture(failure);
            }
        }
    }
}
