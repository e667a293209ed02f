package io.haderos.shipping.bootstrap.ops;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The runnable jar ({@code gateway.jar}, set by the build) started as its own process in sandbox mode, on free ports,
 * in a working directory of its own (its H2 file goes there), with nothing from the developer's environment but
 * {@code PATH} and {@code HOME}.
 */
final class GatewayJar implements AutoCloseable {

    /** The Accept header Prometheus 2.x scrapes with: OpenMetrics first, the text format as a fallback. */
    static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final Process process;
    private final Path log;
    private final URI gateway;
    private final URI sandbox;

    private GatewayJar(Process process, Path log, URI gateway, URI sandbox) {
        this.process = process;
        this.log = log;
        this.gateway = gateway;
        this.sandbox = sandbox;
    }

    /** Starts the jar in {@code workDir} and waits (at most a minute) until it is ready. */
    static GatewayJar start(String name, Path workDir) throws IOException {
        return start(name, workDir, Map.of());
    }

    /** As {@link #start(String, Path)}, with {@code settings} (environment variables) on top of the defaults. */
    static GatewayJar start(String name, Path workDir, Map<String, String> settings) throws IOException {
        int httpPort = freePort();
        int controlPort = freePort();
        Path jar = Path.of(System.getProperty("gateway.jar", "target/shipping-gateway.jar"))
                .toAbsolutePath();
        Path logs = Files.createDirectories(Path.of("target", "it-logs"));
        Path log = logs.resolve(name + ".log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-jar",
                        jar.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        String path = env.get("PATH");
        String home = env.get("HOME");
        env.clear();
        if (path != null) {
            env.put("PATH", path);
        }
        if (home != null) {
            env.put("HOME", home);
        }
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("HTTP_PORT", String.valueOf(httpPort));
        env.put("SANDBOX_PORT", String.valueOf(controlPort));
        env.put("SANDBOX_ARAMEX_PORT", String.valueOf(freePort()));
        env.put("SANDBOX_SMSA_PORT", String.valueOf(freePort()));
        env.put(
                "DATABASE_URL",
                "jdbc:h2:file:" + workDir.toAbsolutePath().resolve("data").resolve("gateway"));
        env.putAll(settings);
        Process process = builder.start();
        GatewayJar gateway = new GatewayJar(
                process,
                log,
                URI.create("http://127.0.0.1:" + httpPort),
                URI.create("http://127.0.0.1:" + controlPort));
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("the gateway exited: " + Files.readString(log));
                        }
                        return gateway.get("/health/ready").statusCode() == 200;
                    });
        } catch (RuntimeException e) {
            gateway.close();
            throw e;
        }
        return gateway;
    }

    long pid() {
        return process.pid();
    }

    HttpResponse<String> get(String path) throws IOException {
        return send(HttpRequest.newBuilder(gateway.resolve(path)).GET());
    }

    /** {@code GET /metrics} as Prometheus asks for it. */
    String scrape() throws IOException {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(gateway.resolve("/metrics")).header("Accept", PROMETHEUS_ACCEPT));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /metrics answered " + response.statusCode());
        }
        return response.body();
    }

    HttpResponse<String> post(String path, String json) throws IOException {
        return send(HttpRequest.newBuilder(gateway.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Sets a stand-in's fault mode through the sandbox control API. */
    void fault(String carrier, String mode) throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(sandbox.resolve("/sandbox/" + carrier + "/fault"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"mode\":\"" + mode + "\"}")));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the sandbox refused fault " + mode + ": " + response.body());
        }
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

    String log() throws IOException {
        return Files.readString(log);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** A loopback port nothing listens on (it was free a moment ago): connections to it are refused. */
    static int closedPort() {
        return freePort();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM, and SIGKILL if the graceful stop takes longer than 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
