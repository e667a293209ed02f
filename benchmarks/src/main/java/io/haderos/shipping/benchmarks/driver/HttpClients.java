package io.haderos.shipping.benchmarks.driver;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load driver's HTTP clients: HTTP/1.1 only (Grizzly drops a request's content type when the JDK client offers
 * {@code Upgrade: h2c}), each with its own small pool of named threads.
 *
 * <p>{@link HttpClient#sendAsync} completes the future it returns on {@link java.util.concurrent.CompletableFuture}'s
 * default pool. With a common-pool parallelism of 1 (a 2-core machine) that "pool" starts a new thread per response,
 * which would make the driver measure itself. {@link #ensureCommonPoolParallelism()} raises the parallelism before
 * the common pool exists.
 */
public final class HttpClients {

    /** The common pool's parallelism the driver needs, at least. */
    public static final int MIN_COMMON_POOL_PARALLELISM = 2;

    private static final String PARALLELISM_PROPERTY = "java.util.concurrent.ForkJoinPool.common.parallelism";

    private HttpClients() {}

    /**
     * Sets the common pool's parallelism to at least {@value #MIN_COMMON_POOL_PARALLELISM}, unless given on the command
     * line, then checks that it took effect: it must run before anything touches the common pool.
     *
     * @return the common pool's parallelism
     * @throws IllegalStateException when the pool already existed with a lower parallelism
     */
    public static int ensureCommonPoolParallelism() {
        if (System.getProperty(PARALLELISM_PROPERTY) == null) {
            int wanted =
                    Math.max(MIN_COMMON_POOL_PARALLELISM, Runtime.getRuntime().availableProcessors() - 1);
            System.setProperty(PARALLELISM_PROPERTY, Integer.toString(wanted));
        }
        int parallelism = ForkJoinPool.getCommonPoolParallelism();
        if (parallelism < MIN_COMMON_POOL_PARALLELISM) {
            throw new IllegalStateException("the common ForkJoinPool's parallelism is " + parallelism
                    + ": start the driver with -D" + PARALLELISM_PROPERTY + "=" + MIN_COMMON_POOL_PARALLELISM);
        }
        return parallelism;
    }

    /**
     * A client whose internal work runs on {@code threads} threads named {@code <name>-1 …}.
     *
     * @param connectTimeout how long a connection may take to open
     */
    public static HttpClient create(String name, int threads, Duration connectTimeout) {
        AtomicInteger count = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .executor(executor)
                .build();
    }
}
