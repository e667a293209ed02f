package io.haderos.shipping.bootstrap;

import ch.qos.logback.classic.LoggerContext;
import java.util.concurrent.CountDownLatch;
import org.eclipse.microprofile.config.ConfigProvider;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Starts the gateway with configuration from the environment and stops it gracefully on SIGTERM. */
public final class Main {

    private Main() {}

    /**
     * The JDK's {@code HttpClient} completes every asynchronous exchange through {@code CompletableFuture}'s default
     * pool, which on a machine of two cores or fewer starts a new thread per task. Two common-pool threads avoid
     * that; the carriers' replies are processed there, where the client completes them. Set before anything touches
     * {@code ForkJoinPool}.
     */
    private static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null) {
            System.setProperty(
                    COMMON_POOL_PARALLELISM,
                    String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors() - 1)));
        }
        // Grizzly and Jersey log through java.util.logging: route it to SLF4J, so every line has one format.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Gateway gateway;
        try {
            gateway = Gateway.start(ConfigProvider.getConfig());
        } catch (InvalidSettingException e) {
            stopLogging();
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            gateway.close();
                            stopLogging();
                            stopped.countDown();
                        },
                        "gateway-shutdown"));
        stopped.await();
    }

    /** Logging writes from its own thread: stopping it writes what is still queued. */
    private static void stopLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.stop();
        }
    }
}
