package io.haderos.shipping.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up runs the sandbox, the database and Jersey beside the wiring: when it fails, what any of them built is closed
 * again, so the same ports and the same data serve the next start in the same process.
 */
class StartupFailureIT {

    @TempDir
    Path data;

    @Test
    void givenTheHttpPortIsTaken_whenStarting_thenItFailsNamingItAndReleasesTheSandboxAndTheDatabase()
            throws Exception {
        Map<String, String> environment = environment();

        Throwable failure = startWhileTaken(environment, "HTTP_PORT");

        assertThat(failure)
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot listen on 127.0.0.1:" + environment.get("HTTP_PORT"));

        for (String port : new String[] {"SANDBOX_PORT", "SANDBOX_ARAMEX_PORT", "SANDBOX_SMSA_PORT"}) {
            assertThat(canBind(Integer.parseInt(environment.get(port))))
                    .as("%s released", port)
                    .isTrue();
        }
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getName().startsWith("gateway-start-") && thread.isAlive());
        environment.put("HTTP_PORT", String.valueOf(GatewayProcess.freePort()));
        try (Gateway gateway = Gateway.start(config(environment))) {
            assertThat(gateway.sandbox()).isPresent();
        }
    }

    @Test
    void givenTheSandboxPortIsTaken_whenStarting_thenItFailsNamingItAndClosesTheDatabaseOpenedBesideIt()
            throws Exception {
        Map<String, String> environment = environment();

        Throwable failure = startWhileTaken(environment, "SANDBOX_PORT");

        assertThat(failure).isInstanceOf(UncheckedIOException.class).hasMessageContaining("cannot start the sandbox");

        // The pool's own threads (gateway-db housekeeper, …) end when the database is closed.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
                        .noneMatch(thread -> thread.isAlive()
                                && (thread.getName().startsWith("gateway-db")
                                        || thread.getName().startsWith("gateway-start-"))));
    }

    /** Loopback, free ports for the HTTP API and the sandbox, the database in the test's directory. */
    private Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("HTTP_HOST", "127.0.0.1");
        for (String port : new String[] {"HTTP_PORT", "SANDBOX_PORT", "SANDBOX_ARAMEX_PORT", "SANDBOX_SMSA_PORT"}) {
            environment.put(port, String.valueOf(GatewayProcess.freePort()));
        }
        environment.put("DATABASE_URL", "jdbc:h2:file:" + data.resolve("gateway"));
        return environment;
    }

    /**
     * What starting throws while another socket holds the port {@code variable} names; {@code environment} keeps that
     * port, and the socket is closed again before this returns.
     */
    private static Throwable startWhileTaken(Map<String, String> environment, String variable) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            environment.put(variable, String.valueOf(taken.getLocalPort()));
            return catchThrowable(() -> Gateway.start(config(environment)));
        }
    }

    private static Config config(Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .addDefaultSources()
                .withSources(new EnvConfigSource(environment, 300))
                .build();
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
