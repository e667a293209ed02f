package io.haderos.shipping.bootstrap.http;

import io.haderos.shipping.adapter.rest.ShippingRestApi;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.net.URI;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The gateway's HTTP server: Grizzly, configured so that every edge of HTTP answers in the API's problem shape
 * (docs/architecture.md#the-edge-of-http), optionally over TLS.
 *
 * <ul>
 *   <li>request line at most {@value #MAX_HEADER_BYTES} bytes (414 beyond), headers at most as much and at most
 *       {@value #MAX_HEADERS} of them (431 beyond); the body limit is the API's (413), and a connection whose unread
 *       body is larger than it is closed rather than drained;</li>
 *   <li>Grizzly's own refusals and error pages in {@code application/problem+json}, without the server's name or
 *       version ({@link EdgeCodecFilter}, {@link ProblemErrorPages}); no {@code Server} header;</li>
 *   <li>a connection that starts with a byte no request starts with is answered and closed at once
 *       ({@link FirstByteGuard});</li>
 *   <li>the remote address of each request, for the API's refusal log ({@link ShippingRestApi#REMOTE_ADDRESS}).</li>
 * </ul>
 */
public final class HttpEdge {

    static final int MAX_HEADER_BYTES = 8192;
    static final int MAX_HEADERS = 100;

    private HttpEdge() {}

    /**
     * An HTTP server for {@code application} on {@code baseUri}, not yet started.
     *
     * @param tls          serve HTTPS with this context instead of HTTP
     * @param maxBodyBytes the API's request body limit
     */
    public static HttpServer create(
            URI baseUri, ResourceConfig application, Optional<SSLContext> tls, long maxBodyBytes) {
        application.register(RemoteAddress.class);
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(
                baseUri,
                application,
                tls.isPresent(),
                tls.map(context -> new SSLEngineConfigurator(context, false, false, false))
                        .orElse(null),
                false);
        ServerConfiguration config = server.getServerConfiguration();
        config.setDefaultErrorPageGenerator(new ProblemErrorPages());
        config.setMaxPayloadRemainderToSkip(maxBodyBytes);
        config.setPassTraceRequest(false);
        for (NetworkListener listener : server.getListeners()) {
            listener.setMaxHttpHeaderSize(MAX_HEADER_BYTES);
            listener.setMaxRequestHeaders(MAX_HEADERS);
            listener.setDefaultErrorPageGenerator(new ProblemErrorPages());
            listener.registerAddOn(new StrictEdge());
        }
        return server;
    }

    /** Puts {@link EdgeCodecFilter} in place of Grizzly's HTTP parser, behind the {@link FirstByteGuard}. */
    private static final class StrictEdge implements AddOn {

        @Override
        public void setup(NetworkListener listener, FilterChainBuilder builder) {
            int codec = builder.indexOfType(org.glassfish.grizzly.http.HttpServerFilter.class);
            org.glassfish.grizzly.http.HttpServerFilter grizzly =
                    (org.glassfish.grizzly.http.HttpServerFilter) builder.get(codec);
            EdgeCodecFilter strict = new EdgeCodecFilter(
                    listener.isChunkingEnabled(),
                    listener.getMaxHttpHeaderSize(),
                    listener.getKeepAlive(),
                    listener.getMaxRequestHeaders(),
                    listener.getMaxResponseHeaders());
            strict.setAllowPayloadForUndefinedHttpMethods(grizzly.isAllowPayloadForUndefinedHttpMethods());
            strict.setMaxPayloadRemainderToSkip(grizzly.getMaxPayloadRemainderToSkip());
            builder.set(codec, strict);
            builder.add(codec, new FirstByteGuard());
        }
    }

    /**
     * Tells the API where each request came from. The address is looked up only when the API asks for it (a refused
     * authentication, logged during the request): finding the Grizzly request through Jersey's injection costs more
     * than the rest of the request filters together, and almost every request never needs it. Public for Jersey,
     * which creates it.
     */
    @PreMatching
    @Priority(Priorities.AUTHENTICATION - 100)
    public static final class RemoteAddress implements ContainerRequestFilter {

        private final Provider<Request> request;

        /** @param request the Grizzly request being served, as Jersey's Grizzly container provides it */
        @Inject
        public RemoteAddress(Provider<Request> request) {
            this.request = request;
        }

        /** Puts the connection's remote address in the request's {@link ShippingRestApi#REMOTE_ADDRESS}. */
        @Override
        public void filter(ContainerRequestContext context) {
            context.setProperty(ShippingRestApi.REMOTE_ADDRESS, new Lazy(request));
        }

        /** The address of the request being served, looked up once, when first printed (during the request). */
        private static final class Lazy {
            private final Provider<Request> request;
            private String address;

            Lazy(Provider<Request> request) {
                this.request = request;
            }

            @Override
            public synchronized String toString() {
                if (address == null) {
                    address = request.get().getRemoteAddr();
                }
                return address;
            }
        }
    }
}
