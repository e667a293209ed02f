package io.haderos.shipping.benchmarks.process;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The sandbox on its own, in its own JVM: its stand-ins play the carriers for servers measured side by side. It runs
 * from the gateway's jar (which contains it) through its own main class.
 */
public final class SandboxProcess implements AutoCloseable {

    /** The stand-in's Aramex account (the sandbox's documented default, not a secret). */
    public static final String ARAMEX_USER = "sandbox@haderos.io";

    public static final String ARAMEX_PASSWORD = "sandbox-password";
    public static final String ARAMEX_ACCOUNT = "60500123";
    public static final String ARAMEX_PIN = "543210";
    /** The SMSA stand-in's default {@code apikey}. */
    public static final String SMSA_API_KEY = "sandbox-smsa-api-key";

    private static final String MAIN_CLASS = "io.haderos.shipping.sandbox.SandboxMain";

    private final ChildJvm jvm;
    private final int[] ports;

    private SandboxProcess(ChildJvm jvm, int[] ports) {
        this.jvm = jvm;
        this.ports = ports;
    }

    /** Starts the sandbox from {@code gatewayJar} on free ports and waits until its control API answers. */
    public static SandboxProcess start(Path gatewayJar, Path workDir, List<String> jvmOptions)
            throws IOException, InterruptedException {
        int[] ports = FreePorts.take(3);
        Map<String, String> env = Map.of(
                "SANDBOX_PORT", Integer.toString(ports[0]),
                "SANDBOX_ARAMEX_PORT", Integer.toString(ports[1]),
                "SANDBOX_SMSA_PORT", Integer.toString(ports[2]));
        ChildJvm jvm =
                ChildJvm.start("sandbox", jvmOptions, List.of("-cp", gatewayJar.toString(), MAIN_CLASS), env, workDir);
        SandboxProcess sandbox = new SandboxProcess(jvm, ports);
        jvm.awaitReady(
                "the sandbox",
                Duration.ofSeconds(30),
                Duration.ofMillis(50),
                () -> Http.get(sandbox.controlUri().resolve("/sandbox")).ok());
        return sandbox;
    }

    public URI controlUri() {
        return URI.create("http://127.0.0.1:" + ports[0]);
    }

    /** The Aramex stand-in's base URL, ending in {@code /ShippingAPI.V2/}. */
    public URI aramexBaseUrl() {
        return URI.create("http://127.0.0.1:" + ports[1] + "/ShippingAPI.V2/");
    }

    public URI smsaBaseUrl() {
        return URI.create("http://127.0.0.1:" + ports[2] + "/");
    }

    public SandboxControl control() {
        return new SandboxControl(controlUri());
    }

    public ChildJvm jvm() {
        return jvm;
    }

    @Override
    public void close() {
        jvm.stop();
    }
}
