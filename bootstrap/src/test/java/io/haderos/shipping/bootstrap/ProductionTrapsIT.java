package io.haderos.shipping.bootstrap;

import static io.haderos.shipping.bootstrap.GatewayIT.QUOTE;
import static io.haderos.shipping.bootstrap.GatewayIT.RATES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.haderos.shipping.sandbox.Sandbox;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With real carrier credentials the gateway refuses what would silently hurt in production, naming the key to set,
 * and says so when a knowingly chosen shortcut is in use (docs/architecture.md#production-mode). The carriers are
 * stand-ins the test runs, reached as real carriers would be.
 */
class ProductionTrapsIT {

    private static final String CLIENTS = "shop:" + "5e".repeat(32);

    /** The carriers every test's gateway is given; no test here sets a fault. */
    @AutoClose
    private static Sandbox sandbox;

    @BeforeAll
    static void startTheCarriers() throws IOException {
        sandbox = SandboxCarriers.start();
    }

    @SafeVarargs
    private static Map<String, String> merged(Map<String, String>... parts) {
        Map<String, String> all = new HashMap<>();
        for (Map<String, String> part : parts) {
            all.putAll(part);
        }
        return all;
    }

    /** The jar started with {@code settings} merged, its carriers the stand-ins. */
    @SafeVarargs
    private static GatewayProcess started(String name, Map<String, String>... settings) throws IOException {
        return GatewayProcess.start(name, merged(settings), sandbox.controlUri());
    }

    private static void assertStopsNaming(String name, Map<String, String> environment, String key) throws Exception {
        int exit = GatewayProcess.runToExit(name, environment);

        String output = GatewayProcess.output(name);
        assertThat(exit).as(output).isEqualTo(2);
        assertThat(output).contains("invalid configuration: " + key);
    }

    @Test
    void givenRealSmsaCredentialsWithoutATariff_thenStartUpStopsNamingTheTariffFile() throws Exception {
        assertStopsNaming(
                "trap-no-tariff",
                merged(SandboxCarriers.aramex(sandbox), SandboxCarriers.smsa(sandbox), Map.of("API_CLIENTS", CLIENTS)),
                "smsa.tariff-file");
    }

    @Test
    void givenRealCredentialsWithoutClients_thenStartUpStopsNamingApiClients() throws Exception {
        assertStopsNaming("trap-no-clients", merged(SandboxCarriers.aramex(sandbox)), "api.clients");
    }

    @Test
    void givenAnOrderNamingACarrierWithoutCredentials_thenStartUpStopsNamingItsKey() throws Exception {
        assertStopsNaming(
                "trap-order",
                merged(
                        SandboxCarriers.aramex(sandbox),
                        Map.of("API_CLIENTS", CLIENTS, "CARRIERS_ORDER", "aramex,smsa")),
                "smsa.api-key");
    }

    @Test
    void givenAMalformedClientList_thenStartUpStopsNamingItWithoutRepeatingIt() throws Exception {
        String digest = "0f".repeat(32);
        assertStopsNaming("trap-clients", merged(Map.of("API_CLIENTS", "shop=" + digest)), "api.clients");
        assertThat(GatewayProcess.output("trap-clients")).doesNotContain(digest);
    }

    @Test
    void givenCredentialsForAramexOnly_thenItServesAloneAndSaysSo() throws Exception {
        try (GatewayProcess gateway = started(
                "trap-aramex-only",
                SandboxCarriers.aramex(sandbox),
                Map.of("API_CLIENTS", "shop:" + ClientAccessIT.sha256Hex("t".repeat(40))))) {
            JsonNode monitoring = gateway.monitoring();

            assertThat(monitoring.path("circuit_breakers").fieldNames())
                    .toIterable()
                    .containsExactly("aramex");
            assertThat(gateway.post(RATES, QUOTE, "t".repeat(40)).statusCode()).isEqualTo(200);
            assertThat(gateway.log())
                    .contains("only [aramex] has credentials, so it serves alone")
                    .doesNotContain("SANDBOX MODE");
        }
    }

    @Test
    void givenAnonymousClientsAndTheExampleTariffChosenKnowingly_thenItStartsWarningAndAlerting() throws Exception {
        try (GatewayProcess gateway = started(
                "trap-opt-ins",
                SandboxCarriers.aramex(sandbox),
                SandboxCarriers.smsa(sandbox),
                Map.of("API_ALLOW_ANONYMOUS", "true", "SMSA_EXAMPLE_TARIFF", "true"))) {
            List<String> alerts = gateway.monitoring().path("alerts").findValuesAsText("message");

            assertThat(alerts).contains(ConfigurationAlerts.ANONYMOUS).contains(ConfigurationAlerts.EXAMPLE_TARIFF);
            assertThat(gateway.post(RATES, QUOTE).statusCode()).as("anonymous").isEqualTo(200);
            assertThat(gateway.log())
                    .contains("WARN")
                    .contains("CLIENT AUTHENTICATION IS OFF with real carrier credentials")
                    .contains("SMSA quotes come from the bundled EXAMPLE tariff");
        }
    }
}
