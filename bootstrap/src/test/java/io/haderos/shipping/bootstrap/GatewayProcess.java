package io.haderos.shipping.bootstrap;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The real runnable jar ({@code gateway.jar}, set by the build), started as its own process on free loopback ports, and
 * an HTTP client for it: the one way the tests start the jar.
 */
public final class GatewayProcess implements AutoCloseable {

    private static final String MONITORING = "/api/v1/integrations/monitoring/circuit-breakers";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final Process process;
    private final Path log;
    private final HttpClient client;
    final URI gateway;
    final URI sandbox;

    private GatewayProcess(Process process, Path log, HttpClient client, URI gateway, URI sandbox) {
        this.process = process;
        this.log = log;
        this.client = client;
        this.gateway = gateway;
        this.sandbox = sandbox;
    }

    /** Starts the jar with the given environment on top of free ports, and waits until it answers. */
    static GatewayProcess start(String name, Map<String, String> environment) throws IOException {
        return start(new Launch(name, environment, Optional.empty(), MONITORING, HTTP, "http"), freePort());
    }

    /**
     * Starts the jar in {@code workDir} (its H2 file goes there) with nothing from the developer's environment but
     * {@code PATH} and {@code HOME}, {@code settings} on top of the defaults, and waits until it is ready to serve
     * ({@code /health/ready}).
     */
    public static GatewayProcess startIn(String name, Path workDir, Map<String, String> settings) throws IOException {
        return start(new Launch(name, settings, Optional.of(workDir), "/health/ready", HTTP, "http"), freePort());
    }

    /** Like {@link #start(String, Map)}, for a gateway serving HTTPS, called by a client with {@code tls}. */
    static GatewayProcess startHttps(String name, Map<String, String> environment, javax.net.ssl.SSLContext tls)
            throws IOException {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .sslContext(tls)
                .build();
        return start(new Launch(name, environment, Optional.empty(), MONITORING, client, "https"), freePort());
    }

    /** Like {@link #start(String, Map)}, for a gateway whose carriers are a sandbox the test runs itself. */
    static GatewayProcess start(String name, Map<String, String> environment, URI sandboxControl) throws IOException {
        return start(
                new Launch(name, environment, Optional.empty(), MONITORING, HTTP, "http"), freePort(), sandboxControl);
    }

    /**
     * How a test starts the jar: {@code environment} on top of free ports, in {@code workDir} where one is given, ready
     * when {@code readyPath} answers 200 to {@code client} over {@code scheme}.
     */
    private record Launch(
            String name,
            Map<String, String> environment,
            Optional<Path> workDir,
            String readyPath,
            HttpClient client,
            String scheme) {}

    private static GatewayProcess start(Launch launch, int controlPort) throws IOException {
        return start(launch, controlPort, URI.create("http://127.0.0.1:" + controlPort));
    }

    private static GatewayProcess start(Launch launch, int controlPort, URI sandboxControl) throws IOException {
        int httpPort = freePort();
        Map<String, String> env = onLoopback(httpPort, controlPort, launch.environment());
        Process process = launch(launch.name(), env, launch.workDir());
        Path log = logFile(launch.name());
        GatewayProcess gateway = new GatewayProcess(
                process,
                log,
                launch.client(),
                URI.create(launch.scheme() + "://127.0.0.1:" + httpPort),
                sandboxControl);
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("gateway exited: " + Files.readString(log));
                        }
                        return gateway.get(launch.readyPath()).statusCode() == 200;
                    });
        } catch (RuntimeException e) {
            process.destroyForcibly(); // not left running when it never became ready
            throw e;
        }
        return gateway;
    }

    /**
     * Runs the jar to completion (for start-up failures), its listeners on free loopback ports unless {@code
     * environment} names them, and returns its exit code; output goes to the log.
     */
    static int runToExit(String name, Map<String, String> environment) throws IOException, InterruptedException {
        Process process = launch(name, onLoopback(freePort(), freePort(), environment), Optional.empty());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("gateway did not exit");
        }
        return process.exitValue();
    }

    static String output(String name) throws IOException {
        return Files.readString(logFile(name));
    }

    /** {@code environment} on top of the gateway's and its sandbox's listeners on loopback ports, free but these two. */
    private static Map<String, String> onLoopback(int httpPort, int controlPort, Map<String, String> environment) {
        Map<String, String> env = new HashMap<>();
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("HTTP_PORT", String.valueOf(httpPort));
        env.put("SANDBOX_PORT", String.valueOf(controlPort));
        env.put("SANDBOX_ARAMEX_PORT", String.valueOf(freePort()));
        env.put("SANDBOX_SMSA_PORT", String.valueOf(freePort()));
        // The reconciler's look-ups would add carrier calls to the counts other tests assert; HeldOrdersReconcilerIT
        // sets its own interval.
        env.put("ORDERS_RECONCILE_INTERVAL", "3600");
        env.putAll(environment);
        return env;
    }

    private static Process launch(String name, Map<String, String> environment, Optional<Path> workDir)
            throws IOException {
        Path jar = Path.of(System.getProperty("gateway.jar", "target/shipping-gateway.jar"))
                .toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx256m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(logFile(name).toFile());
        Map<String, String> env = builder.environment();
        if (workDir.isPresent()) {
            builder.directory(workDir.get().toFile());
            env.keySet().retainAll(Set.of("PATH", "HOME"));
            env.put(
                    "DATABASE_URL",
                    "jdbc:h2:file:"
                            + workDir.get().toAbsolutePath().resolve("data").resolve("gateway"));
        } else {
            // Start from a clean slate: no carrier credentials or overrides leak in from the developer's shell.
            env.keySet()
                    .removeIf(key -> key.startsWith("ARAMEX_")
                            || key.startsWith("SMSA_")
                            || key.startsWith("CIRCUIT_BREAKER_")
                            || key.startsWith("SANDBOX_")
                            || key.startsWith("HTTP_")
                            || key.startsWith("DATABASE_")
                            || key.startsWith("ADMIN_")
                            || key.startsWith("ALERTS_")
                            || key.startsWith("GATEWAY_"));
            // Each process gets its own H2 file unless the test shares a database on purpose.
            env.put("DATABASE_URL", "jdbc:h2:file:" + freshH2File(name));
        }
        env.putAll(environment);
        return builder.start();
    }

    /** A new H2 database file under target/it-data, as a JDBC URL path. */
    static String freshH2File(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "it-data"));
        return dir.toAbsolutePath()
                .resolve(name + "-" + System.nanoTime())
                .resolve("gateway")
                .toString();
    }

    private static Path logFile(String name) throws IOException {
        Path dir = Path.of("target", "it-logs");
        Files.createDirectories(dir);
        return dir.resolve(name + ".log").toAbsolutePath();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A loopback port free a moment ago: nothing listens there, so connections to it are refused. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The absolute URI of {@code path} on the gateway, for requests a test sends itself. */
    public URI uri(String path) {
        return gateway.resolve(path);
    }

    public long pid() {
        return process.pid();
    }

    public HttpResponse<String> get(String path) throws IOException {
        return call(HttpRequest.newBuilder(gateway.resolve(path)).GET());
    }

    HttpResponse<String> get(String path, String bearerToken) throws IOException {
        return call(HttpRequest.newBuilder(gateway.resolve(path))
                .header("Authorization", "Bearer " + bearerToken)
                .GET());
    }

    /** A GET whose body is read as bytes (a label), with extra headers (name, value, …). */
    HttpResponse<byte[]> getBytes(String path, String... headers) throws IOException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(gateway.resolve(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(
                    request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    public HttpResponse<String> post(String path, String json) throws IOException {
        return call(HttpRequest.newBuilder(gateway.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST carrying the client's {@code X-Request-Id}. */
    HttpResponse<String> postWithRequestId(String path, String json, String requestId) throws IOException {
        return send(HttpRequest.newBuilder(gateway.resolve(path))
                .header("Content-Type", "application/json")
                .header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> post(String path, String json, String bearerToken) throws IOException {
        return call(HttpRequest.newBuilder(gateway.resolve(path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearerToken)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(String path, String json, String bearerToken) throws IOException {
        return call(HttpRequest.newBuilder(gateway.resolve(path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearerToken)
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> putWithoutToken(String path, String json) throws IOException {
        return call(HttpRequest.newBuilder(gateway.resolve(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * A JSON POST sent without waiting for its answer, which may take up to {@code timeout}: for requests a test expects
     * a carrier to hold.
     */
    CompletableFuture<HttpResponse<String>> postAsync(String path, String json, Duration timeout) {
        return client.sendAsync(
                HttpRequest.newBuilder(gateway.resolve(path))
                        .timeout(timeout)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Any request, built by the caller against {@link #uri(String)}. */
    public HttpResponse<String> exchange(HttpRequest.Builder request) throws IOException {
        return send(request);
    }

    JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    JsonNode breaker(String carrier) throws IOException {
        return json(get("/api/v1/integrations/monitoring/circuit-breakers"))
                .path("circuit_breakers")
                .path(carrier);
    }

    JsonNode monitoring() throws IOException {
        return json(get("/api/v1/integrations/monitoring/circuit-breakers"));
    }

    /**
     * Waits, polling for at most {@code atMost}, until {@code carrier}'s breaker as the monitoring report shows it
     * satisfies {@code condition}.
     */
    void awaitBreaker(String carrier, Duration atMost, Predicate<JsonNode> condition) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> condition.test(breaker(carrier)));
    }

    /** Waits (at most 10 s) until {@code carrier}'s recovery timeout has passed: its breaker allows a trial. */
    void awaitTrialDue(String carrier) {
        awaitBreaker(
                carrier,
                Duration.ofSeconds(10),
                breaker -> breaker.path("should_attempt_reset").asBoolean());
    }

    /** Sets a stand-in's fault mode through the sandbox control API. */
    public void fault(String carrier, String mode) throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(sandbox.resolve("/sandbox/" + carrier + "/fault"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"mode\":\"" + mode + "\"}")));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("sandbox refused fault " + mode + ": " + response.body());
        }
    }

    /** Runs {@code steps} with the stand-ins of {@code carriers} down, and heals them afterwards whatever happens. */
    void whileDown(List<String> carriers, Steps steps) throws Exception {
        try {
            for (String carrier : carriers) {
                fault(carrier, "down");
            }
            steps.run();
        } finally {
            for (String carrier : carriers) {
                fault(carrier, "healthy");
            }
        }
    }

    /** What a test does while a fault lasts. */
    @FunctionalInterface
    interface Steps {
        void run() throws Exception;
    }

    /** Sets a stand-in's fault mode with a latency (for {@code slow}) through the sandbox control API. */
    void fault(String carrier, String mode, int latencyMs) throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(sandbox.resolve("/sandbox/" + carrier + "/fault"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"mode\":\"" + mode + "\",\"latency_ms\":" + latencyMs + "}")));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("sandbox refused fault " + mode + ": " + response.body());
        }
    }

    /** A stand-in's statistics: {@code requests} that reached it and {@code shipments_created}. */
    JsonNode stats(String carrier) throws IOException {
        return stats(sandbox, carrier);
    }

    /** The statistics of a stand-in of the sandbox controlled at {@code control}. */
    static JsonNode stats(URI control, String carrier) throws IOException {
        return JSON.readTree(send(HttpRequest.newBuilder(control.resolve("/sandbox/" + carrier + "/stats"))
                        .GET())
                .body());
    }

    /** A request to this gateway, with its client (TLS-aware). */
    private HttpResponse<String> call(HttpRequest.Builder request) throws IOException {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** SIGTERM, as an orchestrator would send; waits for the graceful shutdown. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** SIGTERM, and the exit code once the graceful shutdown has finished. */
    int terminate() throws InterruptedException {
        close();
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public String log() throws IOException {
        return Files.readString(log);
    }
}
