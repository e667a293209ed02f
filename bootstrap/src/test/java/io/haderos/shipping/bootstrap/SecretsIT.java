package io.haderos.shipping.bootstrap;

import static io.haderos.shipping.bootstrap.GatewayIT.QUOTE;
import static io.haderos.shipping.bootstrap.GatewayIT.RATES;
import static io.haderos.shipping.bootstrap.GatewayIT.shipment;
import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.sandbox.AramexCredentials;
import io.haderos.shipping.sandbox.Sandbox;
import io.haderos.shipping.sandbox.SandboxSettings;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gateway runs with real-mode credentials (not sandbox mode) against stand-ins that expect known secrets, with
 * client and admin tokens; whatever happens — success, carrier faults, rejected credentials, wrong tokens — no
 * secret, token or token digest appears in its log, its responses, its monitoring output or its metrics.
 */
class SecretsIT {

    private static final String ARAMEX_PASSWORD = "Aramex-Secret-Pass-7731";
    private static final String ARAMEX_PIN = "918273";
    private static final String SMSA_KEY = "Smsa-Secret-Key-4410";
    private static final String WRONG_PASSWORD = "Wrong-Aramex-Pass-5521";
    private static final String WRONG_KEY = "Wrong-Smsa-Key-9911";
    private static final String CLIENT_TOKEN = "Client-Token-5d2b8e1f4a7c0d3e6b9f2a5c8d1e4f70";
    private static final String OTHER_TOKEN = "Other-Token-9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c40";
    private static final String WRONG_CLIENT_TOKEN = "Wrong-Client-Token-0f1e2d3c4b5a69788796a5b4c3d2";
    private static final String ADMIN_TOKEN = "Admin-Token-3141592653589793";
    private static final String WRONG_ADMIN_TOKEN = "Wrong-Admin-Token-2718281828";

    private final List<String> responses = new ArrayList<>();

    private static Map<String, String> credentials(Sandbox sandbox, String password, String apiKey) {
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "API_CLIENTS",
                "shop:" + ClientAccessIT.sha256Hex(CLIENT_TOKEN) + ",other:" + ClientAccessIT.sha256Hex(OTHER_TOKEN),
                "ADMIN_TOKEN",
                ADMIN_TOKEN,
                "SMSA_EXAMPLE_TARIFF",
                "true"));
        environment.putAll(Map.of(
                "ARAMEX_BASE_URL",
                sandbox.aramexBaseUri().toString(),
                "ARAMEX_USERNAME",
                "secrets@haderos.io",
                "ARAMEX_PASSWORD",
                password,
                "ARAMEX_ACCOUNT_NUMBER",
                "60500123",
                "ARAMEX_ACCOUNT_PIN",
                ARAMEX_PIN,
                "SMSA_BASE_URL",
                sandbox.smsaBaseUri().toString(),
                "SMSA_API_KEY",
                apiKey));
        return environment;
    }

    private HttpResponse<String> keep(HttpResponse<String> response) {
        responses.add(response.headers().map() + " " + response.body());
        return response;
    }

    @Test
    void givenKnownSecrets_whenServingFailingAndBeingRefused_thenNoSecretLeaks() throws Exception {
        AramexCredentials aramex =
                new AramexCredentials("secrets@haderos.io", ARAMEX_PASSWORD, "60500123", ARAMEX_PIN, "RUH", "SA");
        try (Sandbox sandbox = Sandbox.start(new SandboxSettings("127.0.0.1", 0, 0, 0, aramex, SMSA_KEY))) {
            String log;
            try (GatewayProcess gateway = GatewayProcess.start(
                    "secrets", credentials(sandbox, ARAMEX_PASSWORD, SMSA_KEY), sandbox.controlUri())) {
                assertThat(keep(gateway.post(RATES, QUOTE, CLIENT_TOKEN)).statusCode())
                        .isEqualTo(200);
                HttpResponse<String> shipped = keep(gateway.post("/orders/SECRET-1/ship", shipment(1.0), CLIENT_TOKEN));
                assertThat(shipped.statusCode()).isEqualTo(201);
                String tracking = gateway.json(shipped).path("tracking").asText();
                assertThat(keep(gateway.get("/api/v1/shipments/aramex/" + tracking, CLIENT_TOKEN))
                                .statusCode())
                        .isEqualTo(200);
                assertThat(keep(gateway.get("/orders/SECRET-1/shipment", OTHER_TOKEN))
                                .statusCode())
                        .isEqualTo(404);
                for (String mode : List.of("reject", "garbage", "error")) {
                    gateway.fault("aramex", mode);
                    keep(gateway.post(RATES, QUOTE, CLIENT_TOKEN));
                    keep(gateway.post("/orders/SECRET-" + mode + "/ship", shipment(1.0), CLIENT_TOKEN));
                }
                assertThat(keep(gateway.post(RATES, QUOTE, WRONG_CLIENT_TOKEN)).statusCode())
                        .isEqualTo(401);
                assertThat(keep(gateway.post(RATES, QUOTE, ADMIN_TOKEN)).statusCode())
                        .isEqualTo(401);
                String override = "{\"state\":\"closed\",\"reason\":\"secrets test\"}";
                assertThat(keep(gateway.put(
                                        "/api/v1/integrations/monitoring/circuit-breakers/aramex/state",
                                        override,
                                        WRONG_ADMIN_TOKEN))
                                .statusCode())
                        .isEqualTo(403);
                assertThat(keep(gateway.put(
                                        "/api/v1/integrations/monitoring/circuit-breakers/aramex/state",
                                        override,
                                        CLIENT_TOKEN))
                                .statusCode())
                        .isEqualTo(403);
                assertThat(keep(gateway.put(
                                        "/api/v1/integrations/monitoring/circuit-breakers/aramex/state",
                                        override,
                                        ADMIN_TOKEN))
                                .statusCode())
                        .isEqualTo(200);
                keep(gateway.get("/api/v1/integrations/monitoring/circuit-breakers"));
                HttpResponse<String> metrics = keep(gateway.get("/metrics"));
                assertThat(metrics.body())
                        .contains("gateway_auth_refusals_total{kind=\"client\",reason=\"unknown_token\"} 2")
                        .contains("gateway_auth_refusals_total{kind=\"admin\",reason=\"unknown_token\"} 2");
                gateway.fault("aramex", "healthy");
                log = gateway.log();
            }
            assertThat(log)
                    .contains("listening on")
                    .contains("order SECRET-1 shipped for client shop")
                    .doesNotContain("SANDBOX MODE");
            assertNoSecretIn(log);

            try (GatewayProcess refused = GatewayProcess.start(
                    "secrets-refused", credentials(sandbox, WRONG_PASSWORD, WRONG_KEY), sandbox.controlUri())) {
                // Ship: Aramex answers ERR01 and SMSA 401; neither is an outage, both are alerts.
                HttpResponse<String> refusedShipment =
                        keep(refused.post("/orders/SECRET-REFUSED/ship", shipment(1.0), CLIENT_TOKEN));
                keep(refused.post(RATES, QUOTE, CLIENT_TOKEN));
                HttpResponse<String> monitoring = keep(refused.get("/api/v1/integrations/monitoring/circuit-breakers"));

                assertThat(refusedShipment.statusCode()).isEqualTo(503);
                assertThat(refused.json(monitoring).path("alerts").findValuesAsText("message"))
                        .anySatisfy(message -> assertThat(message).contains("aramex refuses our configuration"))
                        .anySatisfy(message -> assertThat(message).contains("smsa refuses our configuration"));
                assertThat(refused.breaker("aramex").path("failure_count").asInt())
                        .isZero();
                assertNoSecretIn(refused.log());
            }
        }
        assertThat(responses).isNotEmpty().allSatisfy(SecretsIT::assertNoSecretIn);
    }

    private static void assertNoSecretIn(String text) {
        assertThat(text)
                .doesNotContain(ARAMEX_PASSWORD, ARAMEX_PIN, SMSA_KEY, WRONG_PASSWORD, WRONG_KEY)
                .doesNotContain(CLIENT_TOKEN, OTHER_TOKEN, WRONG_CLIENT_TOKEN, ADMIN_TOKEN, WRONG_ADMIN_TOKEN)
                .doesNotContain(ClientAccessIT.sha256Hex(CLIENT_TOKEN), ClientAccessIT.sha256Hex(OTHER_TOKEN));
    }
}
