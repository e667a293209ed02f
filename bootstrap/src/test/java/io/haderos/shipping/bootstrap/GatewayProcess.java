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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real runnable jar, started as its own process on free ports, and an HTTP client for it. */
final class GatewayProcess implements AutoCloseable {

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
        int controlPort = freePort();
        return start(name, environment, controlPort, URI.create("http://127.0.0.1:" + controlPort), HTTP, "http");
    }

    /** Like {@link #start(String, Map)}, for a gateway serving HTTPS, called by a client with {@code tls}. */
    static GatewayProcess startHttps(String name, Map<String, String> environment, javax.net.ssl.SSLContext tls)
            throws IOException {
        int controlPort = freePort();
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .sslContext(tls)
                .build();
        return start(name, environment, controlPort, URI.create("http://127.0.0.1:" + controlPort), client, "https");
    }

    /** Like {@link #start(String, Map)}, for a gateway whose carriers are a sandbox the test runs itself. */
    static GatewayProcess start(String name, Map<String, String> environment, URI sandboxControl) throws IOException {
        return start(name, environment, freePort(), sandboxControl, HTTP, "http");
    }

    private static GatewayProcess start(
            String name,
            Map<String, String> environment,
            int controlPort,
            URI sandboxControl,
            HttpClient client,
            String scheme)
            throws IOException {
        Map<String, String> env = new HashMap<>();
        int httpPort = freePort();
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("HTTP_PORT", String.valueOf(httpPort));
        env.put("SANDBOX_PORT", String.valueOf(controlPort));
        env.put("SANDBOX_ARAMEX_PORT", String.valueOf(freePort()));
        env.put("SANDBOX_SMSA_PORT", String.valueOf(freePort()));
        env.putAll(environment);
        Process process = launch(name, env);
        Path log = logFile(name);
        GatewayProcess gateway = new GatewayProcess(
                process, log, client, URI.create(scheme + "://127.0.0.1:" + httpPort), sandboxControl);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("gateway exited: " + Files.readString(log));
                    }
                    try {
                        return gateway.get("/api/v1/integrations/monitoring/circuit-breakers")
                                        .statusCode()
                                == 200;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
        return gateway;
    }

    /** Runs the jar to completion (for start-up failures) and returns its exit code; output goes to the log. */
    static int runToExit(String name, Map<String, String> environment) throws IOException, InterruptedException {
        Process process = launch(name, environment);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("gateway did not exit");
        }
        return process.exitValue();
    }

    static String output(String name) throws IOException {
        return Files.readString(logFile(name));
    }

    private static Process launch(String name, Map<String, String> environment) throws IOException {
        String jar = System.getProperty("gateway.jar", "target/shipping-gateway.jar");
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx256m", "-jar", jar)
                .redirectErrorStream(true)
                .redirectOutput(logFile(name).toFile());
        // Start from a clean slate: no carrier credentials or overrides leak in from the developer's shell.
        builder.environment()
                .keySet()
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
        builder.environment().put("DATABASE_URL", "jdbc:h2:file:" + freshH2File(name));
        builder.environment().putAll(environment);
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
        return dir.resolve(name + ".log");
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The absolute URI of {@code path} on the gateway, for requests a test sends itself. */
    URI uri(String path) {
        return gateway.resolve(path);
    }

    HttpResponse<String> get(String path) throws IOException {
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

    HttpResponse<String> post(String path, String json) throws IOException {
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

    /** Any request, built by the caller against {@link #uri(String)}. */
    HttpResponse<String> exchange(HttpRequest.Builder request) throws IOException {
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

    /** Sets a stand-in's fault mode through the sandbox control API. */
    void fault(String carrier, String mode) throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(sandbox.resolve("/sandbox/" + carrier + "/fault"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"mode\":\"" + mode + "\"}")));
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

    String log() throws IOException {
        return Files.readString(log);
    }
}
