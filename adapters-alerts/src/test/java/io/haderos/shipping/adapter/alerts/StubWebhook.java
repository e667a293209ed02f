package io.haderos.shipping.adapter.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/** A Slack incoming webhook on a free loopback port that answers as the test scripts it. */
final class StubWebhook implements AutoCloseable {

    /** What the stub does with the n-th request: wait for {@code gate} (if any), then answer. */
    record Step(int status, String body, CountDownLatch gate) {

        static Step answer(int status) {
            return new Step(status, status / 100 == 2 ? "ok" : "internal_error", null);
        }

        static Step answer(int status, String body) {
            return new Step(status, body, null);
        }

        static Step after(CountDownLatch gate, int status) {
            return new Step(status, status / 100 == 2 ? "ok" : "internal_error", gate);
        }
    }

    /** A request as it arrived. */
    record Received(String method, String path, Map<String, List<String>> headers, String body) {

        /** The message's {@code text}. */
        String text() {
            try {
                return JSON.readTree(body).path("text").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService handlers;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Received> accepted = new CopyOnWriteArrayList<>();
    private final List<CountDownLatch> gates = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private volatile IntFunction<Step> script = n -> Step.answer(200);

    private StubWebhook(HttpServer server, ExecutorService handlers) {
        this.server = server;
        this.handlers = handlers;
    }

    static StubWebhook start() throws IOException {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: ~40 ms a post.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService handlers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "stub-webhook");
            thread.setDaemon(true);
            return thread;
        });
        StubWebhook stub = new StubWebhook(server, handlers);
        server.createContext("/", stub::handle);
        server.setExecutor(handlers);
        server.start();
        return stub;
    }

    /** The stub's URL with this path, such as {@code /services/T0/B0/token}. */
    URI url(String path) {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + path);
    }

    /** What to do with the n-th request (1-based). */
    void script(IntFunction<Step> script) {
        this.script = script;
    }

    /** Every request, in order of arrival, whatever it was answered. */
    List<Received> received() {
        return List.copyOf(received);
    }

    /** The texts of the messages answered with 2xx, in order. */
    List<String> acceptedTexts() {
        return accepted.stream().map(Received::text).collect(Collectors.toList());
    }

    /** Requests the stub has answered. */
    int completed() {
        return completed.get();
    }

    @Override
    public void close() {
        gates.forEach(CountDownLatch::countDown);
        server.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Received request = new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body);
            Step step = script.apply(requests.incrementAndGet());
            received.add(request);
            if (step.gate() != null) {
                gates.add(step.gate());
                try {
                    // Bounded so that a failed test cannot leave a server thread behind for ever.
                    step.gate().await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            // Recorded before answering: once the client has its answer it may send the next request, which must
            // not be recorded first.
            if (step.status() / 100 == 2) {
                accepted.add(request);
            }
            byte[] reply = step.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(step.status(), reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        } finally {
            completed.incrementAndGet();
        }
    }
}
