package io.haderos.shipping.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** One run at a time; an asynchronous run lasts until its stage completes; a refused or failed run frees the next. */
class SingleFlightTest {

    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicReference<CompletableFuture<Void>> current = new AtomicReference<>();

    private CompletableFuture<Void> startRun() {
        runs.incrementAndGet();
        CompletableFuture<Void> run = new CompletableFuture<>();
        current.set(run);
        return run;
    }

    @Test
    void givenAnAsynchronousRunStillGoing_thenTheNextIsSkipped_andTheOneAfterItsEndRuns_howeverItEnded() {
        SingleFlight flight = new SingleFlight(Runnable::run);

        flight.runAsync(this::startRun);
        flight.runAsync(this::startRun);
        assertThat(runs).hasValue(1);

        current.get().completeExceptionally(new IllegalStateException("a failed run ends too"));
        flight.runAsync(this::startRun);
        assertThat(runs).hasValue(2);

        current.get().complete(null);
        flight.run(runs::incrementAndGet);
        assertThat(runs).hasValue(3);
    }

    @Test
    void givenAnExecutorThatRefuses_thenTheRunIsDropped_andTheNextOneTriesAgain() {
        AtomicInteger refusals = new AtomicInteger(1);
        SingleFlight flight = new SingleFlight(task -> {
            if (refusals.getAndDecrement() > 0) {
                throw new RejectedExecutionException("queue full");
            }
            task.run();
        });

        flight.runAsync(this::startRun);
        assertThat(runs).hasValue(0);

        flight.runAsync(this::startRun);
        assertThat(runs).hasValue(1);
    }

    @Test
    void givenATaskThatThrowsBeforeItsStage_thenTheNextRunIsFree() {
        SingleFlight flight = new SingleFlight(Runnable::run);

        Throwable thrown = catchThrowable(() -> flight.runAsync(() -> {
            throw new IllegalStateException("the store is away");
        }));
        flight.runAsync(this::startRun);

        assertThat(thrown).isInstanceOf(IllegalStateException.class);
        assertThat(runs).hasValue(1);
    }
}
