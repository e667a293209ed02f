package io.haderos.shipping.bootstrap;

import static io.haderos.shipping.bootstrap.GatewayIT.QUOTE;
import static io.haderos.shipping.bootstrap.GatewayIT.RATES;
import static io.haderos.shipping.bootstrap.GatewayIT.shipment;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Client authentication and order ownership on the real jar (docs/architecture.md#security): a missing or wrong token
 * is 401; an order is its creator's (another client reads 404 and cannot reuse its id); removing a client from
 * {@code api.clients} revokes its token at the next start while the orders stay; per-client rate limits answer 429.
 */
class ClientAccessIT {

    private static final String SHOP_TOKEN = "shop-7a1c9e3b5d7f9a1c3e5b7d9f1a3c5e7b";
    private static final String ERP_TOKEN = "erp-2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a";

    static String sha256Hex(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void givenTwoClients_thenEachOrderIsItsCreators_andARemovedClientIsRefusedAfterARestart() throws Exception {
        String h2 = "jdbc:h2:file:" + GatewayProcess.freshH2File("client-access");
        String bothClients = "shop:" + sha256Hex(SHOP_TOKEN) + ", erp:" + sha256Hex(ERP_TOKEN);
        try (GatewayProcess gateway =
                GatewayProcess.start("client-access", Map.of("DATABASE_URL", h2, "API_CLIENTS", bothClients))) {
            HttpResponse<String> missing = gateway.post(RATES, QUOTE);
            HttpResponse<String> wrong = gateway.post(RATES, QUOTE, "not-a-token-of-any-client-0123456789");
            assertThat(missing.statusCode()).isEqualTo(401);
            assertThat(missing.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).isEqualTo(missing.body());
            assertThat(gateway.post("/orders/ORD-A1/ship", shipment(1.0)).statusCode())
                    .isEqualTo(401);

            HttpResponse<String> shipped = gateway.post("/orders/ORD-A1/ship", shipment(1.0), SHOP_TOKEN);
            assertThat(shipped.statusCode()).isEqualTo(201);
            assertThat(gateway.get("/orders/ORD-A1/shipment", SHOP_TOKEN).statusCode())
                    .isEqualTo(200);

            HttpResponse<String> othersOrder = gateway.get("/orders/ORD-A1/shipment", ERP_TOKEN);
            HttpResponse<String> noOrder = gateway.get("/orders/ORD-NONE/shipment", ERP_TOKEN);
            assertThat(othersOrder.statusCode()).isEqualTo(404);
            assertThat(othersOrder.body()).isEqualTo(noOrder.body().replace("ORD-NONE", "ORD-A1"));
            // Its label likewise: the creator prints it, to another client the order does not exist.
            assertThat(gateway.get("/orders/ORD-A1/label").statusCode()).isEqualTo(401);
            assertThat(gateway.get("/orders/ORD-A1/label", SHOP_TOKEN).statusCode())
                    .isEqualTo(200);
            HttpResponse<String> othersLabel = gateway.get("/orders/ORD-A1/label", ERP_TOKEN);
            assertThat(othersLabel.statusCode()).isEqualTo(404);
            assertThat(othersLabel.body())
                    .isEqualTo(gateway.get("/orders/ORD-NONE/label", ERP_TOKEN)
                            .body()
                            .replace("ORD-NONE", "ORD-A1"));
            HttpResponse<String> reused = gateway.post("/orders/ORD-A1/ship", shipment(1.0), ERP_TOKEN);
            assertThat(reused.statusCode()).isEqualTo(409);
            assertThat(gateway.json(reused).path("reason").asText()).isEqualTo("order_id_taken");
            assertThat(reused.body())
                    .doesNotContain(gateway.json(shipped).path("tracking").asText());

            for (String open : new String[] {
                "/health/live",
                "/health/ready",
                "/metrics",
                "/dashboard",
                "/api/v1/integrations/monitoring/circuit-breakers"
            }) {
                assertThat(gateway.get(open).statusCode()).as(open).isEqualTo(200);
            }
            assertThat(gateway.get("/metrics").body())
                    .contains("gateway_auth_refusals_total{kind=\"client\",reason=\"missing\"} 3")
                    .contains("gateway_auth_refusals_total{kind=\"client\",reason=\"unknown_token\"} 1");
            assertThat(gateway.log())
                    .contains("clients authenticate by bearer token: [erp, shop]")
                    .contains("order ORD-A1 shipped for client shop")
                    .contains("refused client authentication from 127.0.0.1")
                    .doesNotContain(SHOP_TOKEN, ERP_TOKEN);
        }

        Map<String, String> shopAlone = Map.of(
                "DATABASE_URL",
                h2,
                "API_CLIENTS",
                "shop:" + sha256Hex(SHOP_TOKEN),
                "API_RATE_LIMIT",
                "0.001",
                "API_RATE_LIMIT_BURST",
                "3");
        try (GatewayProcess restarted = GatewayProcess.start("client-access-revoked", shopAlone)) {
            assertThat(restarted.post(RATES, QUOTE, ERP_TOKEN).statusCode()).isEqualTo(401);
            assertThat(restarted.get("/orders/ORD-A1/shipment", ERP_TOKEN).statusCode())
                    .isEqualTo(401);

            assertThat(restarted.get("/orders/ORD-A1/shipment", SHOP_TOKEN).statusCode())
                    .isEqualTo(200);
            assertThat(restarted.post(RATES, QUOTE, SHOP_TOKEN).statusCode()).isEqualTo(200);
            assertThat(restarted
                            .post("/orders/ORD-A1/ship", shipment(1.0), SHOP_TOKEN)
                            .statusCode())
                    .as("a replay")
                    .isEqualTo(200);
            HttpResponse<String> limited = restarted.post(RATES, QUOTE, SHOP_TOKEN);
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After"))
                    .hasValueSatisfying(
                            seconds -> assertThat(Long.parseLong(seconds)).isPositive());
            assertThat(restarted.get("/metrics").body())
                    .contains("gateway_rate_limited_requests_total{client=\"shop\"} 1");
            assertThat(restarted.log()).doesNotContain(SHOP_TOKEN, ERP_TOKEN);
        }
    }
}
