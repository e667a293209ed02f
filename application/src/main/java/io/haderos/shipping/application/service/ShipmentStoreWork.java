package io.haderos.shipping.application.service;

import io.haderos.shipping.domain.port.out.ShipmentStore;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The shipment store's blocking calls of a use case that reads or changes records as they stand now: each runs on the
 * store's bounded executor ({@link BlockingWork}) and is given the store and the clock's now, read as the call starts.
 */
final class ShipmentStoreWork {

    private final ShipmentStore store;
    private final BlockingWork work;
    private final Clock clock;

    /** @param executor the bounded executor for the store's blocking calls */
    ShipmentStoreWork(ShipmentStore store, Clock clock, Executor executor) {
        this.store = store;
        this.work = new BlockingWork(executor);
        this.clock = clock;
    }

    /** {@code call} on the executor; when its queue is full the future fails as if the database were away. */
    <T> CompletableFuture<T> supply(Call<T> call) {
        return work.supply(() -> call.on(store, clock.instant()));
    }

    /**
     * {@code call} that must not be dropped (recording what a carrier did): on the executor, or on the calling thread
     * when the executor's queue is full.
     */
    <T> CompletableFuture<T> supplyEvenIfFull(Call<T> call) {
        return work.supplyEvenIfFull(() -> call.on(store, clock.instant()));
    }

    /** Blocking work with the store at a moment. */
    @FunctionalInterface
    interface Call<T> {
        T on(ShipmentStore store, Instant now);
    }
}
