package io.haderos.shipping.sandbox;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox on its own, for demos: {@code java -cp … io.haderos.shipping.sandbox.SandboxMain}.
 *
 * <p>Uses {@link SandboxSettings#defaults()} (ports 8001/8002/8003 on 127.0.0.1); the environment
 * variables {@code SANDBOX_PORT}, {@code SANDBOX_ARAMEX_PORT} and {@code SANDBOX_SMSA_PORT} override
 * the ports. Stops on SIGTERM or Ctrl-C.
 */
public final class SandboxMain {

    private SandboxMain() {}

    /**
     * Starts the sandbox and blocks until the JVM is asked to stop.
     *
     * @param args ignored
     * @throws IOException if a port cannot be bound
     * @throws InterruptedException if the main thread is interrupted while waiting
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        SandboxSettings defaults = SandboxSettings.defaults();
        SandboxSettings settings = defaults.withPorts(
                port("SANDBOX_PORT", defaults.controlPort()),
                port("SANDBOX_ARAMEX_PORT", defaults.aramexPort()),
                port("SANDBOX_SMSA_PORT", defaults.smsaPort()));
        Sandbox sandbox = Sandbox.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            sandbox.close();
                            stopped.countDown();
                        },
                        "sandbox-shutdown"));
        System.out.println("Sandbox running: control " + sandbox.controlUri() + ", Aramex " + sandbox.aramexBaseUri()
                + ", SMSA " + sandbox.smsaBaseUri());
        stopped.await();
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a port number, was '" + value + "'", e);
        }
    }
}
