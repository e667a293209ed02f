package io.haderos.shipping.adapter.resilience4j;

import io.haderos.shipping.domain.policy.CarrierOperation;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;

/**
 * One asynchronous carrier call between its admission and its end. It is counted once: either when it crosses its
 * slow-call threshold ({@link #markSlow}) or when it ends ({@link #end}), whichever comes first.
 */
final class InFlightCall<T> {

    private static final int RUNNING = 0;
    private static final int SLOW = 1;
    private static final int ENDED = 2;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(InFlightCall.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final CarrierOperation operation;
    /** The breaker's epoch when the call was admitted: a result from an earlier epoch counts nothing. */
    final long epoch;
    /** Clock millis at admission, against which the slow-call threshold is measured. */
    final long startedMillis;
    /** resilience4j's timestamp at admission, for the duration it records. */
    final long startedTimestamp;
    /** What the caller sees. */
    final CompletableFuture<T> result = new CompletableFuture<>();

    @SuppressWarnings("unused") // through STATE
    private volatile int state;

    InFlightCall(CarrierOperation operation, long epoch, long startedMillis, long startedTimestamp) {
        this.operation = operation;
        this.epoch = epoch;
        this.startedMillis = startedMillis;
        this.startedTimestamp = startedTimestamp;
    }

    /** Still waiting for the carrier, and not yet counted as slow. */
    boolean isRunning() {
        return state == RUNNING;
    }

    /** @return true when this call had neither ended nor been marked: it is now slow, and counted as such */
    boolean markSlow() {
        return STATE.compareAndSet(this, RUNNING, SLOW);
    }

    /** @return true when this call had not been marked slow: its end is what counts */
    boolean end() {
        return STATE.compareAndSet(this, RUNNING, ENDED);
    }
}
