package io.haderos.shipping.benchmarks.bare;

import io.haderos.shipping.benchmarks.driver.HttpClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The floor of the gateway's stack: a bare Jersey + Grizzly + Jackson endpoint (the gateway's versions) that takes a
 * rates request, asks the Aramex stand-in once over loopback with the JDK {@link HttpClient} asynchronously, and returns
 * its answer. No breaker, no fallback, no metrics, no storage: what any gateway on this stack pays at least.
 *
 * <p>{@code java -cp benchmarks.jar io.haderos.shipping.benchmarks.bare.BareRatesServer <port> <aramex-base-url>}.
 * Stops on SIGTERM.
 */
public final class BareRatesServer {

    private BareRatesServer() {}

    /**
     * Starts the endpoint on {@code 127.0.0.1:<port>} and waits until the JVM is asked to stop.
     *
     * @param args the port, and the Aramex stand-in's base URL (ending in {@code /ShippingAPI.V2/})
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: BareRatesServer <port> <aramex-base-url>");
            System.exit(2);
        }
        HttpClients.ensureCommonPoolParallelism();
        HttpClient client = HttpClients.create("bare-carrier", 2, Duration.ofSeconds(5));
        BareRatesResource resource = new BareRatesResource(client, URI.create(args[1]), Duration.ofSeconds(10));
        ResourceConfig config = new ResourceConfig()
                .register(resource)
                .register(JacksonFeature.withoutExceptionMappers())
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        HttpServer server =
                GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:" + args[0] + "/"), config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.shutdownNow();
                            stopped.countDown();
                        },
                        "bare-shutdown"));
        System.out.println("bare rates endpoint on http://127.0.0.1:" + args[0] + BareRatesResource.PATH);
        stopped.await();
    }
}
