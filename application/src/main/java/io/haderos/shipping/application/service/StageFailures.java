package io.haderos.shipping.application.service;

import java.util.concurrent.CompletionException;

/**
 * The failures that completion stages hand on: a stage that depends on a failed one sees the failure wrapped in a
 * {@link CompletionException}, and a failure thrown from a stage's function is wrapped once, never twice.
 */
final class StageFailures {

    private StageFailures() {}

    /** What {@code failure} is about: without the {@link CompletionException} it may come wrapped in; null stays null. */
    static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** {@code failure}, to be thrown again from a stage's function as it is: wrapped unless it is wrapped already. */
    static CompletionException rethrown(Throwable failure) {
        return failure instanceof CompletionException completion ? completion : new CompletionException(failure);
    }
}
