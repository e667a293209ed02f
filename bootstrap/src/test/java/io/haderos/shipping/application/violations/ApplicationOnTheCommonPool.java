package io.haderos.shipping.application.violations;

import java.util.concurrent.CompletableFuture;

/** Breaks "no stage runs on the common ForkJoinPool": kept to prove the rule fires. */
public class ApplicationOnTheCommonPool {

    CompletableFuture<Integer> later(CompletableFuture<Integer> value) {
        return value.thenApplyAsync(number -> number + 1);
    }
}
