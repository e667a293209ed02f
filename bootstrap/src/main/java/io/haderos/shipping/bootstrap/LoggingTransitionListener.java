package io.haderos.shipping.bootstrap;

import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import io.haderos.shipping.domain.port.out.CircuitTransitionListener;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every breaker transition from its own thread: the breaker calls listeners on the carrier call's
 * thread, and console I/O has no place there.
 */
final class LoggingTransitionListener implements CircuitTransitionListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingTransitionListener.class);

    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "transition-log");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public void onTransition(CircuitStateChanged event) {
        try {
            writer.execute(() -> log(event));
        } catch (RejectedExecutionException closed) {
            log(event);
        }
    }

    /** A breaker that stops serving calls is a WARN; one that serves again (or an operator's reset) an INFO. */
    private static void log(CircuitStateChanged event) {
        Object[] arguments = {
            event.carrier(),
            event.from(),
            event.to(),
            event.sequence(),
            event.cause(),
            event.actor().map(actor -> " [by " + actor + "]").orElse("")
        };
        if (event.to().blocksCalls()) {
            LOG.warn("circuit {} {} -> {} (#{}): {}{}", arguments);
        } else {
            LOG.info("circuit {} {} -> {} (#{}): {}{}", arguments);
        }
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
