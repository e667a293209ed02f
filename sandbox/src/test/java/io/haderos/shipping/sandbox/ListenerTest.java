package io.haderos.shipping.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListenerTest {

    /**
     * With Nagle's algorithm on the server socket each reply on a kept-alive connection waits for the client's
     * delayed ACK, about 40 ms on Linux. The JDK server turns it off when {@code sun.net.httpserver.nodelay} is true
     * as it reads its configuration, at the first server of the JVM; a {@link Listener} sets it before that. The
     * speed itself is measured by the benchmarks (thousands of quotes a second through the stand-ins, where the stall
     * would cap 16 clients at about 360).
     */
    private static final int REQUESTS = 200;

    @Test
    void givenOneKeptAliveConnection_whenManyRequestsInARow_thenNoNagleStallOnAnyReply() throws Exception {
        Listener listener = Listener.open("nagle-test", "127.0.0.1", 0, exchange -> {
            Exchanges.readBody(exchange);
            byte[] body = ("{\"client_port\":" + exchange.getRemoteAddress().getPort() + "}")
                    .getBytes(StandardCharsets.UTF_8);
            Exchanges.send(exchange, 200, Exchanges.JSON, body);
            exchange.close();
        });
        try {
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = TestHttp.request(URI.create("http://127.0.0.1:" + listener.port() + "/quote"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"weight\":1.2}"))
                    .build();
            Set<String> clientPorts = new HashSet<>();
            for (int i = 0; i < 20; i++) { // warm-up: connection and JIT
                clientPorts.add(client.send(request, HttpResponse.BodyHandlers.ofString())
                        .body());
            }

            for (int i = 0; i < REQUESTS; i++) {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                clientPorts.add(response.body());
            }

            assertThat(clientPorts)
                    .as("every request on one kept-alive connection")
                    .hasSize(1);
            assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
        } finally {
            listener.close();
        }
    }
}
