package io.haderos.shipping.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * docs/architecture.md#slowness-and-hangs against the real jar: Aramex's stand-in accepts requests and never answers. Aramex's timeout is set to a
 * minute, so a client that waited for it could not finish within the bounds below: every bound here is many times
 * what the gateway promises, and what it rules out is waiting for the carrier.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HangingCarrierIT {

    private static final String RATES = "/api/v1/integrations/shipping/rates";
    private static final String QUOTE = """
            {"origin":{"country":"SA","city":"Riyadh"},"destination":{"country":"AE","city":"Dubai"},"weight_kg":1.5}""";
    private static final int CLIENTS = 48;

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AutoClose
    private static GatewayProcess gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = GatewayProcess.start(
                "hanging", Map.of("CIRCUIT_BREAKER_RECOVERY_TIMEOUT", "2", "ARAMEX_TIMEOUT", "60"));
    }

    @Test
    @Order(1)
    void givenAramexHanging_whenManyClientsQuote_thenProbesAnswer_everyQuoteIsServedBySmsa_andTheBreakerOpens()
            throws Exception {
        gateway.fault("aramex", "hang");
        List<CompletableFuture<HttpResponse<String>>> quotes = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            quotes.add(gateway.postAsync(RATES, QUOTE, Duration.ofSeconds(90)));
        }

        assertThat(quickly("/health/live").statusCode()).isEqualTo(200);
        assertThat(quickly("/api/v1/integrations/monitoring/circuit-breakers").statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> quotes.stream().allMatch(CompletableFuture::isDone));

        for (CompletableFuture<HttpResponse<String>> quote : quotes) {
            JsonNode body = gateway.json(quote.join());
            assertThat(quote.join().statusCode()).isEqualTo(200);
            assertThat(body.path("provider").asText()).isEqualTo("smsa");
            assertThat(body.path("attempts").get(0).path("outcome").asText())
                    .isIn("hedged", "slow", "busy", "circuit_open");
        }
        gateway.awaitBreaker(
                "aramex",
                Duration.ofSeconds(20),
                aramex -> !"closed".equals(aramex.path("state").asText()));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(openings())
                        .singleElement()
                        .satisfies(opening ->
                                assertThat(opening.path("cause").asText()).contains("slow")));
        String metrics = gateway.get("/metrics").body();
        assertThat(metrics)
                .containsPattern("gateway_slow_calls_total\\{carrier=\"aramex\",operation=\"quote_rates\"} [1-9]");
        assertThat(metrics).contains("gateway_hedges_total{from=\"aramex\",to=\"smsa\",winner=\"smsa\"}");
    }

    @Test
    @Order(2)
    void givenAramexStillHanging_whenShipping_thenSmsaCreatesTheShipment_andAramexNeverGetsIt() throws Exception {
        int aramexShipments = gateway.stats("aramex").path("shipments_created").asInt();

        HttpResponse<String> shipped = gateway.post("/orders/ORD-HANG-1/ship", shipment());

        assertThat(shipped.statusCode()).isEqualTo(201);
        assertThat(gateway.json(shipped).path("provider").asText()).isEqualTo("smsa");
        assertThat(gateway.json(shipped).path("attempts").get(0).path("outcome").asText())
                .isEqualTo("circuit_open");
        assertThat(gateway.stats("aramex").path("shipments_created").asInt()).isEqualTo(aramexShipments);
    }

    @Test
    @Order(3)
    void givenAramexHealed_withNoClientTraffic_thenTheGatewaysOwnProbesCloseTheBreaker() throws Exception {
        gateway.fault("aramex", "healthy");

        gateway.awaitBreaker(
                "aramex",
                Duration.ofSeconds(30),
                aramex -> "closed".equals(aramex.path("state").asText()));

        assertThat(gateway.get("/metrics").body())
                .containsPattern("gateway_trial_probes_total\\{carrier=\"aramex\",outcome=\"success\"} [2-9]");
        HttpResponse<String> shipped = gateway.post("/orders/ORD-HANG-2/ship", shipment());
        assertThat(gateway.json(shipped).path("provider").asText()).isEqualTo("aramex");
    }

    /** The audit trail's moves of Aramex's breaker from closed to open. */
    private static List<JsonNode> openings() throws Exception {
        List<JsonNode> openings = new ArrayList<>();
        gateway.json(gateway.get("/api/v1/integrations/monitoring/circuit-breakers/aramex/transitions?limit=1000"))
                .path("transitions")
                .forEach(transition -> {
                    if (transition.path("from").asText().equals("closed")
                            && transition.path("to").asText().equals("open")) {
                        openings.add(transition);
                    }
                });
        return openings;
    }

    /** A request that must answer while carrier calls are held: a few seconds, where milliseconds are promised. */
    private static HttpResponse<String> quickly(String path) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(gateway.uri(path))
                        .timeout(Duration.ofSeconds(5))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String shipment() {
        return """
                {"consignee":{"name":"Sara Ahmed","phone":"+966551112233","email":"sara@example.com",
                   "address":{"country":"SA","city":"Jeddah","line1":"Building 7, Al Olaya St","line2":"Apt 12","postal_code":"23434"}},
                 "parcels":[{"weight_kg":1.2}],"description":"Cotton T-shirts",
                 "declared_value":{"amount":"250.00","currency":"SAR"},"cod":{"amount":"0","currency":"SAR"}}
                """;
    }
}
