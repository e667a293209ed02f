package io.haderos.shipping.benchmarks.scenario;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** A scenario's background chore: a daemon thread, so that a run cut short never waits for it. */
final class Repeating {

    private Repeating() {}

    /**
     * Starts a daemon thread that runs {@code step} every {@code period} until {@code step} says it is done or the
     * thread is interrupted.
     */
    static Thread start(String name, Duration period, BooleanSupplier step) {
        Thread thread = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        if (step.getAsBoolean()) {
                            return;
                        }
                        try {
                            Thread.sleep(period.toMillis());
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
