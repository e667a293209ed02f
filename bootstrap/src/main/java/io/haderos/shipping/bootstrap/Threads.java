package io.haderos.shipping.bootstrap;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway's own threads, besides Grizzly's (docs/architecture.md#slowness-and-hangs): no request thread waits for a carrier or the database,
 * and no stage of ours is sent to the common {@code ForkJoinPool} by choice: the carriers' replies are processed where the
 * JDK's {@code HttpClient} completes them, on that pool (docs/architecture.md#threads).
 *
 * <ul>
 *   <li>{@code gateway-timer}: one thread for every timer (slow-call detection, hedges, request deadlines, trial
 *       probes); its tasks only hand work on;</li>
 *   <li>{@code gateway-carrier-N}: starting carrier exchanges (connecting and name lookups never hold a request
 *       thread), and completing those past their deadline;</li>
 *   <li>{@code gateway-db-N}: blocking database work, as many as the connection pool has connections, with a
 *       bounded queue: when it is full, work that may be refused is (503), and the recording of a carrier's answer
 *       runs on the thread that has it.</li>
 * </ul>
 */
record Threads(ScheduledExecutorService timer, ExecutorService carrierReplies, ExecutorService database)
        implements AutoCloseable {

    /** Database work waiting beyond this is refused rather than queued. */
    static final int DATABASE_QUEUE = 1_000;

    static Threads start(int databaseConnections) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, named("gateway-timer"));
        timer.setRemoveOnCancelPolicy(true);
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService carrierReplies = Executors.newFixedThreadPool(Math.max(2, cores), named("gateway-carrier"));
        ExecutorService database = new ThreadPoolExecutor(
                databaseConnections,
                databaseConnections,
                1,
                TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(DATABASE_QUEUE),
                named("gateway-db"));
        return new Threads(timer, carrierReplies, database);
    }

    /** Stops the timers at once; lets queued replies and database work finish, for up to 5 s. */
    @Override
    public void close() {
        timer.shutdownNow();
        carrierReplies.shutdown();
        database.shutdown();
        try {
            carrierReplies.awaitTermination(5, TimeUnit.SECONDS);
            database.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One named daemon thread, for work that must run in order off the callers' threads. */
    static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(named(name));
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            boolean single = prefix.endsWith("timer") || prefix.endsWith("notices");
            Thread thread = new Thread(runnable, prefix + (single ? "" : "-" + count.incrementAndGet()));
            thread.setDaemon(true);
            return thread;
        };
    }
}
