package io.haderos.shipping.benchmarks.process;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The real gateway jar running as a child process on loopback, on free ports, in its own working directory (so its
 * {@code ./data} is whatever that directory holds), configured only through environment variables as a user would.
 */
public final class Gateway implements AutoCloseable {

    /** The rates path of the REST API. */
    public static final String RATES_PATH = "/api/v1/integrations/shipping/rates";
    /** The monitoring path of the REST API. */
    public static final String MONITORING_PATH = "/api/v1/integrations/monitoring/circuit-breakers";

    private final ChildJvm jvm;
    private final int httpPort;
    private final int sandboxPort;

    private Gateway(ChildJvm jvm, int httpPort, int sandboxPort) {
        this.jvm = jvm;
        this.httpPort = httpPort;
        this.sandboxPort = sandboxPort;
    }

    /**
     * Starts the gateway with its embedded sandbox (what {@code ./gateway} gives a user), on free ports.
     *
     * @param environment further settings ({@code CIRCUIT_BREAKER_RECOVERY_TIMEOUT} …), applied last
     */
    public static Gateway start(GatewayLaunch launch, Path workDir, Map<String, String> environment)
            throws IOException {
        int[] ports = FreePorts.take(4);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("HTTP_PORT", Integer.toString(ports[0]));
        env.put("SANDBOX_PORT", Integer.toString(ports[1]));
        env.put("SANDBOX_ARAMEX_PORT", Integer.toString(ports[2]));
        env.put("SANDBOX_SMSA_PORT", Integer.toString(ports[3]));
        env.putAll(environment);
        return new Gateway(launch.start("gateway", env, workDir), ports[0], ports[1]);
    }

    /**
     * Starts the gateway without its sandbox, calling the stand-ins of a separate sandbox process as if they were the
     * carriers (with the stand-ins' accounts as credentials).
     */
    public static Gateway startAgainst(GatewayLaunch launch, Path workDir, SandboxProcess sandbox) throws IOException {
        int httpPort = FreePorts.take(1)[0];
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("HTTP_PORT", Integer.toString(httpPort));
        env.put("SANDBOX_ENABLED", "false");
        env.put("ARAMEX_BASE_URL", sandbox.aramexBaseUrl().toString());
        env.put("ARAMEX_USERNAME", SandboxProcess.ARAMEX_USER);
        env.put("ARAMEX_PASSWORD", SandboxProcess.ARAMEX_PASSWORD);
        env.put("ARAMEX_ACCOUNT_NUMBER", SandboxProcess.ARAMEX_ACCOUNT);
        env.put("ARAMEX_ACCOUNT_PIN", SandboxProcess.ARAMEX_PIN);
        env.put("SMSA_BASE_URL", sandbox.smsaBaseUrl().toString());
        env.put("SMSA_API_KEY", SandboxProcess.SMSA_API_KEY);
        // The driver calls as the anonymous client, unthrottled, and SMSA quotes its example tariff.
        env.put("API_ALLOW_ANONYMOUS", "true");
        env.put("API_RATE_LIMIT", "0");
        env.put("SMSA_EXAMPLE_TARIFF", "true");
        return new Gateway(launch.start("gateway", env, workDir), httpPort, -1);
    }

    /**
     * Waits for {@code GET /health/ready} to answer 200.
     *
     * @throws IOException when the process ends or {@code patience} runs out first (it is stopped then), with the end
     *     of its log
     */
    public Gateway awaitReady(Duration patience) throws IOException, InterruptedException {
        jvm.awaitReady(
                "the gateway",
                patience,
                Duration.ofMillis(50),
                () -> Http.get(uri("/health/ready")).status() == 200);
        return this;
    }

    /** {@code http://127.0.0.1:<port><path>} on the gateway. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    /** The embedded sandbox's control API. */
    public SandboxControl sandbox() {
        if (sandboxPort < 0) {
            throw new IllegalStateException("this gateway runs without its sandbox");
        }
        return new SandboxControl(URI.create("http://127.0.0.1:" + sandboxPort));
    }

    public ChildJvm jvm() {
        return jvm;
    }

    @Override
    public void close() {
        jvm.stop();
    }
}
