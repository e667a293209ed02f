package io.haderos.shipping.domain.testing;

import io.haderos.shipping.domain.port.out.ShippingCarrier;
import java.util.concurrent.CompletionStage;

/** Waits for an asynchronous answer in a test, throwing what it failed with rather than a wrapper. */
public final class Await {

    private Await() {}

    /** The stage's value, or the exception it failed with, unwrapped as {@link ShippingCarrier#await} does. */
    public static <T> T await(CompletionStage<T> stage) {
        return ShippingCarrier.await(stage.toCompletableFuture());
    }
}
