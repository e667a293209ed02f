package io.haderos.shipping.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.haderos.shipping.bootstrap.OpenApiContract.Exchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The OpenAPI document against the real jar: the jar serves the document in the repository, and every exchange below,
 * happy or not, is one the document describes. A request the document allows must be valid; a request that breaks
 * the contract on purpose (a missing field, a wrong type, no token) must be found invalid for exactly that reason, so
 * that the document states the rule the gateway enforces; and every response must be one the document allows for its
 * request: status, content type, headers and body.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiContractIT {

    private static final String TOKEN = "contract-admin-token-0123456789";
    private static final String RATES = "/api/v1/integrations/shipping/rates";
    private static final String QUOTE = GatewayIT.QUOTE;
    private static final String BREAKERS = "/api/v1/integrations/monitoring/circuit-breakers";
    private static final String JSON = "application/json";
    private static final String DOCUMENT = "/io/haderos/shipping/adapter/rest/openapi.yaml";

    @AutoClose
    private static GatewayProcess gateway;

    private static OpenApiContract contract;

    @BeforeAll
    static void start() throws Exception {
        gateway = GatewayProcess.start(
                "openapi-contract", Map.of("ADMIN_TOKEN", TOKEN, "CIRCUIT_BREAKER_RECOVERY_TIMEOUT", "30"));
        HttpResponse<String> served = gateway.get("/openapi.json");
        assertThat(served.statusCode())
                .as("GET /openapi.json: %s", served.body())
                .isEqualTo(200);
        contract = OpenApiContract.of(served.body());
    }

    @Test
    @Order(1)
    void givenTheRunningJar_thenItServesTheRepositorysDocument_asSoundOpenApi31() throws Exception {
        String file;
        try (InputStream in = OpenApiContractIT.class.getResourceAsStream(DOCUMENT)) {
            file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonNode expected = new YAMLMapper().readTree(file);

        assertThat(gateway.get("/openapi.yaml").body()).isEqualTo(file);
        assertThat(new ObjectMapper().readTree(gateway.get("/openapi.json").body()))
                .isEqualTo(expected);
        assertThat(expected.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(contract.problems()).isEmpty();
    }

    @Test
    @Order(2)
    void givenTheOperationsEndpoints_thenEachAnswerIsDocumented() throws Exception {
        valid(get("/health/live"), 200);
        valid(get("/health/ready"), 200);
        valid(get("/metrics"), 200);
        valid(send("GET", "/metrics", null, null, "Accept", "application/openmetrics-text; version=1.0.0"), 200);
        valid(send("GET", "/dashboard", null, null, "Accept", "text/html"), 200);
        valid(get("/openapi"), 200);
        valid(send("GET", "/openapi", null, null, "Accept", JSON), 200);
        valid(get("/openapi.yaml"), 200);
        valid(get("/openapi.json"), 200);
        valid(send("GET", "/health/live", null, null, "Accept", "text/html"), 406);
    }

    @Test
    @Order(3)
    void givenRateQuotes_thenAnswersAndRefusalsAreDocumented() throws Exception {
        valid(post(RATES, QUOTE), 200);
        valid(post(RATES, """
                {"origin":{"country":"SA","city":"Riyadh","postal_code":null},"destination":{"country":"SA","city":"Jeddah"},
                 "weight_kg":3.25,"pieces":2,"dimensions_cm":{"length":30,"width":20,"height":10},"currency":"SAR"}"""), 200);

        invalid(post(RATES, "{\"origin\":"), 400, "request body is not JSON");
        invalid(
                post(
                        RATES,
                        "{\"origin\":{\"country\":\"SA\",\"city\":\"Riyadh\"},\"destination\":{\"country\":\"AE\","
                                + "\"city\":\"Dubai\"}}"),
                400,
                "required property 'weight_kg'");
        invalid(post(RATES, QUOTE.replace("1.5", "\"1.5\"")), 400, "/weight_kg");
        invalid(
                post(RATES, QUOTE.replace("\"weight_kg\"", "\"weight\"")),
                400,
                "property 'weight' is not defined in the schema",
                "required property 'weight_kg'");
        invalid(post(RATES, QUOTE.replace("1.5", "-1")), 400, "exclusive minimum");
        invalid(send("POST", RATES, "text/plain", QUOTE), 415, "Content-Type text/plain");
        valid(send("POST", RATES, JSON, QUOTE, "Accept", "text/html"), 406);

        gateway.fault("aramex", "reject");
        try {
            valid(post(RATES, QUOTE), 422);
        } finally {
            gateway.fault("aramex", "healthy");
        }
    }

    @Test
    @Order(4)
    void givenShipments_thenCreationReplayConflictAndLookupsAreDocumented() throws Exception {
        Exchange created = valid(post("/orders/ORD-OAS-1/ship", GatewayIT.shipment(1.0)), 201);
        valid(post("/orders/ORD-OAS-1/ship", GatewayIT.shipment(1.0)), 200);
        valid(post("/orders/ORD-OAS-1/ship", GatewayIT.shipment(3.0)), 409);
        valid(get("/orders/ORD-OAS-1/shipment"), 200);
        valid(get("/orders/ORD-OAS-404/shipment"), 404);
        invalid(get("/orders/-bad-/shipment"), 400, "path order_id");
        invalid(
                post("/orders/ORD-OAS-2/ship", GatewayIT.shipment(1.0).replace("\"parcels\"", "\"packages\"")),
                400,
                "property 'packages' is not defined in the schema",
                "required property 'parcels'");
        invalid(send("POST", "/orders/ORD-OAS-2/ship", null, null), 400, "request body of POST");

        JsonNode shipment = new ObjectMapper().readTree(created.responseBody());
        String tracking = shipment.path("tracking").asText();
        valid(get("/api/v1/shipments/" + shipment.path("provider").asText() + "/" + tracking), 200);
        valid(get("/api/v1/shipments/aramex/30199999999"), 404);
        valid(get("/api/v1/shipments/dhl/30199999999"), 404);
        invalid(get("/api/v1/shipments/aramex/" + "9".repeat(65)), 400, "path tracking");

        Exchange label = valid(get("/orders/ORD-OAS-1/label"), 200);
        valid(get("/orders/ORD-OAS-1/label?parcel=1"), 200);
        String etag = label.responseHeader("ETag").orElseThrow();
        valid(send("GET", "/orders/ORD-OAS-1/label", null, null, "If-None-Match", etag), 304);
        valid(get("/orders/ORD-OAS-1/label?parcel=2"), 400);
        invalid(get("/orders/ORD-OAS-1/label?parcel=0"), 400, "parcel");
        valid(get("/orders/ORD-OAS-404/label"), 404);
    }

    @Test
    @Order(5)
    void givenAnUnknownOutcome_thenTheHeldOrderAndItsResolutionAreDocumented() throws Exception {
        gateway.fault("aramex", "error");
        try {
            valid(post("/orders/ORD-OAS-HELD/ship", GatewayIT.shipment(2.0)), 502);
        } finally {
            gateway.fault("aramex", "healthy");
        }
        valid(get("/orders/ORD-OAS-HELD/shipment"), 200);
        valid(operator("/orders?status=outcome_unknown&limit=1", TOKEN), 200);
        valid(operator("/orders?status=outcome_unknown", TOKEN), 200);
        invalid(operator("/orders?status=created", TOKEN), 400, "status");
        valid(operator("/orders?status=outcome_unknown", "not-the-admin-token"), 403);
        String resolution =
                "{\"outcome\":\"created\",\"tracking\":\"30123456789\",\"reason\":\"found\",\"actor\":\"nora\"}";

        invalid(post("/orders/ORD-OAS-HELD/shipment/resolution", resolution), 401, "does not satisfy the security");
        valid(admin("POST", "/orders/ORD-OAS-HELD/shipment/resolution", resolution, "not-the-admin-token"), 403);
        invalid(
                admin("POST", "/orders/ORD-OAS-HELD/shipment/resolution", "{\"outcome\":\"created\"}", TOKEN),
                400,
                "required property 'tracking'");
        valid(admin("POST", "/orders/ORD-OAS-HELD/shipment/resolution", resolution, TOKEN), 200);
        valid(admin("POST", "/orders/ORD-OAS-HELD/shipment/resolution", resolution, TOKEN), 409);
        valid(admin("POST", "/orders/ORD-OAS-NONE/shipment/resolution", resolution, TOKEN), 404);
        valid(get("/orders/ORD-OAS-HELD/shipment"), 200);
    }

    @Test
    @Order(6)
    void givenMonitoringAndOverrides_thenEachAnswerIsDocumented() throws Exception {
        String forceOpen = "{\"state\":\"forced_open\",\"reason\":\"contract test\",\"actor\":\"nora\"}";
        invalid(send("PUT", BREAKERS + "/smsa/state", JSON, forceOpen), 401, "does not satisfy the security");
        valid(admin("PUT", BREAKERS + "/smsa/state", forceOpen, "not-the-admin-token"), 403);
        invalid(admin("PUT", BREAKERS + "/smsa/state", forceOpen.replace("forced_open", "half"), TOKEN), 400, "enum");
        valid(admin("PUT", BREAKERS + "/smsa/state", forceOpen, TOKEN), 200);
        valid(get(BREAKERS), 200);
        valid(admin("PUT", BREAKERS + "/smsa/state", "{\"state\":\"closed\",\"reason\":\"done\"}", TOKEN), 200);
        valid(admin("PUT", BREAKERS + "/dhl/state", forceOpen, TOKEN), 404);

        valid(get(BREAKERS + "/smsa/transitions"), 200);
        valid(get(BREAKERS + "/smsa/transitions?since=2020-01-01T00:00:00Z&until=&limit=5"), 200);
        invalid(get(BREAKERS + "/smsa/transitions?limit=ten"), 400, "query limit");
        invalid(get(BREAKERS + "/smsa/transitions?since=yesterday"), 400, "query since");
        valid(get(BREAKERS + "/dhl/transitions"), 404);
        valid(get("/api/v1/integrations/monitoring/cluster"), 200);
    }

    @Test
    @Order(7)
    void givenEveryCarrierDown_thenThe503AndItsRetryAfterAreDocumented() throws Exception {
        gateway.whileDown(List.of("aramex", "smsa"), () -> {
            Exchange last = null;
            // Refused connections first (503 without a hint), then open breakers: 503 with Retry-After.
            for (int i = 0;
                    i < 8 && (last == null || last.responseHeader("Retry-After").isEmpty());
                    i++) {
                last = exchange(post("/orders/ORD-OAS-DOWN-" + i + "/ship", GatewayIT.shipment(1.0)));
                assertThat(contract.requestViolations(last)).as("%s", last).isEmpty();
                assertThat(contract.responseViolations(last)).as("%s", last).isEmpty();
            }
            assertThat(last.status()).as("%s", last).isEqualTo(503);
            assertThat(last.responseHeader("Retry-After")).as("%s", last).isPresent();
        });
    }

    /** A request the document allows, answered with {@code status} as the document says. */
    private static Exchange valid(Call request, int status) throws IOException {
        Exchange exchange = exchange(request);
        assertThat(exchange.status()).as("%s", exchange).isEqualTo(status);
        assertThat(contract.requestViolations(exchange))
                .as("request %s", exchange)
                .isEmpty();
        assertThat(contract.responseViolations(exchange))
                .as("response %s", exchange)
                .isEmpty();
        return exchange;
    }

    /**
     * A request that breaks the document where {@code violations} say, each found and nothing else, answered with
     * {@code status} as the document says.
     */
    private static Exchange invalid(Call request, int status, String... violations) throws IOException {
        Exchange exchange = exchange(request);
        assertThat(exchange.status()).as("%s", exchange).isEqualTo(status);
        List<String> found = contract.requestViolations(exchange);
        for (String violation : violations) {
            assertThat(found)
                    .as("request %s", exchange)
                    .anySatisfy(v -> assertThat(v).contains(violation));
        }
        assertThat(found)
                .as("request %s", exchange)
                .allSatisfy(v -> assertThat(violations)
                        .anySatisfy(violation -> assertThat(v).contains(violation)));
        assertThat(contract.responseViolations(exchange))
                .as("response %s", exchange)
                .isEmpty();
        return exchange;
    }

    private static Call get(String path) {
        return send("GET", path, null, null);
    }

    private static Call post(String path, String json) {
        return send("POST", path, JSON, json);
    }

    /** An operator's GET, without a body or its content type. */
    private static Call operator(String path, String token) {
        return send("GET", path, null, null, "Authorization", "Bearer " + token);
    }

    private static Call admin(String method, String path, String json, String token) {
        return send(method, path, JSON, json, "Authorization", "Bearer " + token);
    }

    /** A request; null content type or body sends none; then header names and values. */
    private static Call send(String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return new Call(request, body == null ? "" : body);
    }

    /** Sends the request and records both sides. */
    private static Exchange exchange(Call call) throws IOException {
        HttpRequest request = call.request().copy().build();
        HttpResponse<String> response = gateway.exchange(call.request());
        Map<String, String> requestHeaders = new LinkedHashMap<>();
        request.headers().map().forEach((name, values) -> requestHeaders.put(name, values.get(0)));
        URI uri = request.uri();
        return new Exchange(
                request.method(),
                uri.getRawPath(),
                uri.getRawQuery(),
                requestHeaders,
                call.body(),
                response.statusCode(),
                response.headers().map(),
                response.body());
    }

    /** A request to send, and the body it carries (empty for none). */
    private record Call(HttpRequest.Builder request, String body) {}
}
