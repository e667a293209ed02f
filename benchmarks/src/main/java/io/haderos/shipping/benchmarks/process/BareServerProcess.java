package io.haderos.shipping.benchmarks.process;

import io.haderos.shipping.benchmarks.bare.BareRatesResource;
import io.haderos.shipping.benchmarks.bare.BareRatesServer;
import io.haderos.shipping.benchmarks.scenario.Requests;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The bare Jersey + Grizzly endpoint ({@link BareRatesServer}) in its own JVM. */
public final class BareServerProcess implements AutoCloseable {

    private final ChildJvm jvm;
    private final int port;

    private BareServerProcess(ChildJvm jvm, int port) {
        this.jvm = jvm;
        this.port = port;
    }

    /**
     * Starts the endpoint on a free port and waits until it serves a quote through the stand-in.
     *
     * @param classPath this module's jar (or class path)
     * @param jvmOptions the JVM options, the gateway's for a fair comparison
     */
    public static BareServerProcess start(String classPath, List<String> jvmOptions, Path workDir, URI aramexBaseUrl)
            throws IOException, InterruptedException {
        int port = FreePorts.take(1)[0];
        ChildJvm jvm = ChildJvm.start(
                "bare",
                jvmOptions,
                List.of(
                        "-cp",
                        classPath,
                        BareRatesServer.class.getName(),
                        Integer.toString(port),
                        aramexBaseUrl.toString()),
                Map.of(),
                workDir);
        BareServerProcess bare = new BareServerProcess(jvm, port);
        // ready when it serves a quote through the stand-in
        jvm.awaitReady(
                "the bare endpoint",
                Duration.ofSeconds(30),
                Duration.ofMillis(100),
                () -> Http.postJson(bare.ratesUri(), Requests.RATES_BODY).ok());
        return bare;
    }

    public URI ratesUri() {
        return URI.create("http://127.0.0.1:" + port + BareRatesResource.PATH);
    }

    public ChildJvm jvm() {
        return jvm;
    }

    @Override
    public void close() {
        jvm.stop();
    }
}
