package io.haderos.shipping.bootstrap.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * A Jersey application on an in-process Grizzly server on an ephemeral port, with {@link GatewayMetrics}'s
 * feature registered the way the gateway registers it, beside the given resources; and an HTTP/1.1 client.
 */
final class MetricsTestServer implements AutoCloseable {

    // HTTP/1.1: Grizzly drops Content-Type on requests that ask to upgrade to h2c (a known Grizzly pitfall).
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final HttpServer server;
    private final URI base;

    private MetricsTestServer(HttpServer server) {
        this.server = server;
        this.base = URI.create(
                "http://127.0.0.1:" + server.getListeners().iterator().next().getPort());
    }

    static MetricsTestServer start(GatewayMetrics metrics, Class<?>... resources) {
        ResourceConfig config = new ResourceConfig()
                .register(metrics.jaxRsFeature())
                .registerClasses(resources)
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), config, false);
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MetricsTestServer(server);
    }

    HttpResponse<String> send(String method, String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Accept", accept)
                .GET());
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
