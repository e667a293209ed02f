package io.haderos.shipping.bootstrap.ops;

import io.haderos.shipping.bootstrap.GatewayProcess;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The runnable jar started in sandbox mode in a working directory of its own ({@link GatewayProcess#startIn}), with
 * what the operations tests ask of it besides requests: a Prometheus scrape and a full GC.
 */
final class GatewayJar implements AutoCloseable {

    /** The Accept header Prometheus 2.x scrapes with: OpenMetrics first, the text format as a fallback. */
    static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    private final GatewayProcess process;

    private GatewayJar(GatewayProcess process) {
        this.process = process;
    }

    /** Starts the jar in {@code workDir} with {@code settings} (environment variables) on top of the defaults. */
    static GatewayJar start(String name, Path workDir, Map<String, String> settings) throws IOException {
        return new GatewayJar(GatewayProcess.startIn(name, workDir, settings));
    }

    HttpResponse<String> get(String path) throws IOException {
        return process.get(path);
    }

    /** {@code GET /metrics} as Prometheus asks for it. */
    String scrape() throws IOException {
        HttpResponse<String> response =
                process.exchange(HttpRequest.newBuilder(process.uri("/metrics")).header("Accept", PROMETHEUS_ACCEPT));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /metrics answered " + response.statusCode());
        }
        return response.body();
    }

    HttpResponse<String> post(String path, String json) throws IOException {
        return process.post(path, json);
    }

    /** Sets a stand-in's fault mode through the sandbox control API. */
    void fault(String carrier, String mode) throws IOException {
        process.fault(carrier, mode);
    }

    /** Asks the JVM for a full GC ({@code jcmd PID GC.run}), so that the GC pause metrics exist. */
    void collectGarbage() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            throw new IllegalStateException("no jcmd in " + jcmd.getParent() + ": a JDK is needed");
        }
        Process run = new ProcessBuilder(List.of(jcmd.toString(), String.valueOf(process.pid()), "GC.run"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!run.waitFor(60, TimeUnit.SECONDS)) {
            run.destroyForcibly();
            throw new IllegalStateException("jcmd GC.run did not finish");
        }
    }

    /** A loopback port nothing listens on (it was free a moment ago): connections to it are refused. */
    static int closedPort() {
        return GatewayProcess.freePort();
    }

    /** SIGTERM, and SIGKILL if the graceful stop takes longer than 30 s; an interrupted wait leaves it stopping. */
    @Override
    public void close() {
        try {
            process.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
