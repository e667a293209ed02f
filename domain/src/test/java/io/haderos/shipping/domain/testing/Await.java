package io.haderos.shipping.domain.testing;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** Waits for an asynchronous answer in a test, throwing what it failed with rather than a wrapper. */
public final class Await {

    private Await() {}

    /** The stage's value, or the exception it failed with, unwrapped. */
    public static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
