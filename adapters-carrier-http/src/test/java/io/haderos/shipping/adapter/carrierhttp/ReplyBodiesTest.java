package io.haderos.shipping.adapter.carrierhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A reply is read whole up to its limit; one that runs past it is an unreadable reply, not a heap taken. */
class ReplyBodiesTest {

    private static final int LIMIT = 64 * 1024;

    private HttpServer server;
    private ExecutorService replies;
    private ScheduledExecutorService timer;
    private CarrierExchange<String> exchange;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/bytes/", http -> {
            int length = Integer.parseInt(http.getRequestURI().getPath().substring("/bytes/".length()));
            byte[] body = new byte[length];
            Arrays.fill(body, (byte) 'x');
            // Chunked, no length announced: the limit must count what arrives.
            http.sendResponseHeaders(200, 0);
            try (OutputStream out = http.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        replies = Executors.newSingleThreadExecutor();
        timer = Executors.newSingleThreadScheduledExecutor();
        exchange = new CarrierExchange<>(
                CarrierId.SMSA,
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                replies,
                timer,
                (operation, timeout) ->
                        new CarrierUnavailableException(CarrierId.SMSA, Reason.TIMEOUT, "timeout", null),
                (operation, failure) ->
                        new CarrierUnavailableException(CarrierId.SMSA, Reason.CONNECTION_LOST, "io", failure));
    }

    @AfterEach
    void stop() {
        server.stop(0);
        replies.shutdownNow();
        timer.shutdownNow();
    }

    @Test
    void aReplyUpToTheLimitIsReadWhole() {
        byte[] body = exchange.send("query", get(LIMIT), ReplyBodies.bytes(LIMIT))
                .join()
                .body();

        assertThat(body).hasSize(LIMIT).containsOnly((byte) 'x');
        assertThat(exchange.send("query", get(3), ReplyBodies.utf8(LIMIT))
                        .join()
                        .body())
                .isEqualTo("xxx");
    }

    @Test
    void aReplyPastTheLimitIsAnUnreadableReplyThatMayHaveBeenActedOn() {
        Throwable failure = catchThrowable(() -> exchange.send("create", get(LIMIT * 4), ReplyBodies.bytes(LIMIT))
                .join());

        assertThat(failure).isInstanceOf(CompletionException.class);
        CarrierUnavailableException unavailable = (CarrierUnavailableException) failure.getCause();
        assertThat(unavailable.reason()).isEqualTo(Reason.UNREADABLE_REPLY);
        assertThat(unavailable.reason().mayHaveBeenProcessed()).isTrue();
        assertThat(unavailable).hasMessageContaining("create").hasMessageContaining("longer than " + LIMIT + " bytes");
    }

    private HttpRequest get(int length) {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/bytes/" + length);
        return HttpRequest.newBuilder(uri).GET().build();
    }
}
