package io.haderos.shipping.domain.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Calls made at the same moment, as concurrent requests to several gateway instances would: the contracts' races for a
 * claim, a resolution, an override or an outage.
 */
public final class Race {

    /** How long each call may take; a store that needs longer has hung. */
    private static final long PATIENCE_SECONDS = 30;

    private Race() {}

    /**
     * Runs every call on a thread of its own; none starts before all have been submitted, so that they run as nearly
     * at once as the threads allow.
     *
     * @return the calls' results, in the order of {@code calls}
     * @throws java.util.concurrent.ExecutionException when a call threw
     * @throws java.util.concurrent.TimeoutException when one took longer than 30 s
     */
    public static <T> List<T> run(List<? extends Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> running = new ArrayList<>();
            for (Callable<T> call : calls) {
                running.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> result : running) {
                results.add(result.get(PATIENCE_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
