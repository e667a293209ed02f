package io.haderos.shipping.application.violations;

import java.util.concurrent.CompletableFuture;

/** Breaks "no stage is sent to the common ForkJoinPool by choice": kept to prove the rule fires. */
public class ApplicationOnTheCommonPool {

    CompletableFuture<Integer> later(CompletableFuture<Integer> value) {
        return value.thenApplyAsync(number -> number + 1);
    }
}
