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
 * The gateway runs with real-mode credentials (not sandbox mode) against stand-ins that expect known secrets;
 * whatever happens — success, carrier faults, rejected credentials — no secret appears in its log, its
 * responses or its monitoring output.
 */
class SecretsIT {

    private static final String ARAMEX_PASSWORD = "Aramex-Secret-Pass-7731";
    private static final String ARAMEX_PIN = "918273";
    private static final String SMSA_KEY = "Smsa-Secret-Key-4410";
    private static final String WRONG_PASSWORD = "Wrong-Aramex-Pass-5521";
    private static final String WRONG_KEY = "Wrong-Smsa-Key-9911";

    private final List<String> responses = new ArrayList<>();

    private static Map<String, String> credentials(Sandbox sandbox, String password, String apiKey) {
        return Map.of(
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
                apiKey);
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
                assertThat(keep(gateway.post(RATES, QUOTE)).statusCode()).isEqualTo(200);
                HttpResponse<String> shipped = keep(gateway.post("/orders/SECRET-1/ship", shipment(1.0)));
                assertThat(shipped.statusCode()).isEqualTo(201);
                String tracking = gateway.json(shipped).path("tracking").asText();
                assertThat(keep(gateway.get("/api/v1/shipments/aramex/" + tracking))
                                .statusCode())
                        .isEqualTo(200);
                for (String mode : List.of("reject", "garbage", "error")) {
                    gateway.fault("aramex", mode);
                    keep(gateway.post(RATES, QUOTE));
                    keep(gateway.post("/orders/SECRET-" + mode + "/ship", shipment(1.0)));
                }
                keep(gateway.get("/api/v1/integrations/monitoring/circuit-breakers"));
                gateway.fault("aramex", "healthy");
                log = gateway.log();
            }
            assertThat(log).contains("listening on").doesNotContain("SANDBOX MODE");
            assertNoSecretIn(log);

            try (GatewayProcess refused = GatewayProcess.start(
                    "secrets-refused", credentials(sandbox, WRONG_PASSWORD, WRONG_KEY), sandbox.controlUri())) {
                // Ship: Aramex answers ERR01 and SMSA 401; neither is an outage, both are alerts.
                HttpResponse<String> refusedShipment = keep(refused.post("/orders/SECRET-REFUSED/ship", shipment(1.0)));
                keep(refused.post(RATES, QUOTE));
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
        assertThat(text).doesNotContain(ARAMEX_PASSWORD, ARAMEX_PIN, SMSA_KEY, WRONG_PASSWORD, WRONG_KEY);
    }
}
