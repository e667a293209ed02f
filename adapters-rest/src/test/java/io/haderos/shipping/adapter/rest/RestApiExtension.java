package io.haderos.shipping.adapter.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.haderos.shipping.application.port.in.CheckReadinessUseCase;
import io.haderos.shipping.application.port.in.FetchLabelUseCase;
import io.haderos.shipping.application.port.in.FindShipmentUseCase;
import io.haderos.shipping.application.port.in.ListHeldOrdersUseCase;
import io.haderos.shipping.application.port.in.MonitorCircuitBreakersUseCase;
import io.haderos.shipping.application.port.in.OverrideCircuitBreakerUseCase;
import io.haderos.shipping.application.port.in.QuoteRatesUseCase;
import io.haderos.shipping.application.port.in.ReadCircuitTransitionsUseCase;
import io.haderos.shipping.application.port.in.ResolveShipmentUseCase;
import io.haderos.shipping.application.port.in.ShipOrderUseCase;
import io.haderos.shipping.application.port.in.TrackShipmentUseCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The REST API on an in-process Grizzly server on an ephemeral port, wired the way the bootstrap wires it
 * ({@link ShippingRestApi} plus a binder of the use cases), over {@link FakeUseCases}; and an HTTP/1.1
 * client to call it. One server per test class; the fakes are reset before each test.
 */
final class RestApiExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";

    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final FakeUseCases fakes = new FakeUseCases();
    // HTTP/1.1: Grizzly drops Content-Type on requests that ask to upgrade to h2c (a known Grizzly pitfall).
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Map<String, Object> properties;
    private final UnaryOperator<ShippingRestApi.Builder> api;
    private final List<Class<?>> extraResources;
    private final Optional<String> adminToken;
    private HttpServer server;
    private URI base;

    RestApiExtension() {
        this(Map.of());
    }

    /** With extra Jersey {@code properties}, such as a bootstrap might set. */
    RestApiExtension(Map<String, Object> properties) {
        this(properties, api -> api, List.of(), Optional.empty());
    }

    private RestApiExtension(
            Map<String, Object> properties,
            UnaryOperator<ShippingRestApi.Builder> api,
            List<Class<?>> extraResources,
            Optional<String> adminToken) {
        this.properties = Map.copyOf(properties);
        this.api = api;
        this.extraResources = List.copyOf(extraResources);
        this.adminToken = adminToken;
    }

    /**
     * With operator actions enabled by {@code adminToken}, as {@code admin.token} would; {@link #asAdmin} presents
     * it.
     */
    static RestApiExtension withAdminToken(String adminToken) {
        return new RestApiExtension(
                Map.of(), api -> api.adminToken(Optional.of(adminToken)), List.of(), Optional.of(adminToken));
    }

    /** With operator actions enabled by a token of the extension's own, which {@link #asAdmin} presents. */
    static RestApiExtension forOperators() {
        return withAdminToken("operators-test-token-0123456789");
    }

    /** With the API built as {@code api} says from {@link ShippingRestApi#builder()}. */
    static RestApiExtension with(UnaryOperator<ShippingRestApi.Builder> api, Class<?>... extraResources) {
        return new RestApiExtension(Map.of(), api, List.of(extraResources), Optional.empty());
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        ResourceConfig config = new ResourceConfig()
                .register(api.apply(ShippingRestApi.builder()).build())
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(fakes).to(QuoteRatesUseCase.class);
                        bind(fakes).to(ShipOrderUseCase.class);
                        bind(fakes).to(FindShipmentUseCase.class);
                        bind(fakes).to(TrackShipmentUseCase.class);
                        bind(fakes).to(MonitorCircuitBreakersUseCase.class);
                        bind(fakes).to(ReadCircuitTransitionsUseCase.class);
                        bind(fakes).to(OverrideCircuitBreakerUseCase.class);
                        bind(fakes).to(ResolveShipmentUseCase.class);
                        bind(fakes).to(CheckReadinessUseCase.class);
                        bind(fakes).to(FetchLabelUseCase.class);
                        bind(fakes).to(ListHeldOrdersUseCase.class);
                    }
                })
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        properties.forEach(config::property);
        extraResources.forEach(config::register);
        server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), config, false);
        server.start();
        int port = server.getListeners().iterator().next().getPort();
        base = URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.shutdownNow();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        fakes.reset();
    }

    FakeUseCases fakes() {
        return fakes;
    }

    Reply get(String path) {
        return send("GET", path, null, null);
    }

    Reply postJson(String path, String body) {
        return send("POST", path, JSON, body);
    }

    /** Any request; a null content type sends no {@code Content-Type}, a null body sends none. */
    Reply send(String method, String path, String contentType, String body) {
        return send(request(method, path, contentType, body));
    }

    /** Any request with extra headers (name, value, name, value …). */
    Reply send(String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder request = request(method, path, contentType, body);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** A request with {@code Authorization: Bearer token}; a body, unless null, is sent as JSON. */
    Reply sendWithToken(String token, String method, String path, String body) {
        return send(method, path, body == null ? null : JSON, body, "Authorization", "Bearer " + token);
    }

    /** A request as the operator: with the token of {@link #withAdminToken}. */
    Reply asAdmin(String method, String path, String body) {
        return sendWithToken(adminToken.orElseThrow(), method, path, body);
    }

    /** A request without a body that accepts only {@code accept}. */
    Reply sendWithAccept(String method, String path, String accept) {
        return send(request(method, path, null, null).header("Accept", accept));
    }

    private HttpRequest.Builder request(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request;
    }

    /**
     * A JSON POST sent without waiting for its answer, which may take up to a minute: for requests a test holds open
     * on purpose.
     */
    CompletableFuture<Reply> postJsonAsync(String path, String body) {
        return client.sendAsync(
                        request("POST", path, JSON, body)
                                .timeout(Duration.ofSeconds(60))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(Reply::of);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            return Reply.of(client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A response, with its body parsed on demand (decimals as {@code BigDecimal}, keys in document order), and as it
     * came ({@code bytes}: a label).
     */
    record Reply(int status, HttpHeaders headers, String body, byte[] bytes) {

        private static Reply of(HttpResponse<byte[]> response) {
            return new Reply(
                    response.statusCode(),
                    response.headers(),
                    new String(response.body(), StandardCharsets.UTF_8),
                    response.body());
        }

        JsonNode json() {
            try {
                return READER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** The media type without parameters, such as {@code application/problem+json}. */
        String mediaType() {
            return header("Content-Type").map(type -> type.split(";")[0].trim()).orElse("");
        }

        @Override
        public String toString() {
            return status + " " + headers.map() + " " + body;
        }
    }
}
