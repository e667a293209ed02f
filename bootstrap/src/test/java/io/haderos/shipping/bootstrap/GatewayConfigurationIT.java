package io.haderos.shipping.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.haderos.shipping.bootstrap.GatewayIT.QUOTE;
import static io.haderos.shipping.bootstrap.GatewayIT.RATES;
import static org.assertj.core.api.Assertions.assertThat;

/** Environment variables reach the running jar; bad values stop it with a message naming the key. */
class GatewayConfigurationIT {

    @Test
    void givenAFailureThresholdOfFive_whenAramexFails_thenItTakesFiveFaultsToOpen() throws Exception {
        try (GatewayProcess gateway = GatewayProcess.start("threshold-5",
                Map.of("CIRCUIT_BREAKER_FAILURE_THRESHOLD", "5"))) {
            gateway.fault("aramex", "unavailable");

            for (int i = 1; i <= 4; i++) {
                gateway.post(RATES, QUOTE);
                assertThat(gateway.breaker("aramex").path("state").asText()).isEqualTo("closed");
            }
            JsonNode fifth = gateway.json(gateway.post(RATES, QUOTE));

            assertThat(fifth.path("provider").asText()).isEqualTo("smsa");
            assertThat(gateway.breaker("aramex").path("state").asText()).isEqualTo("open");
            assertThat(gateway.breaker("aramex").path("failure_count").asInt()).isEqualTo(5);
        }
    }

    @Test
    void givenANegativeThreshold_whenStarting_thenItStopsNamingTheKey() throws Exception {
        int exitCode = GatewayProcess.runToExit("negative-threshold", Map.of(
                "CIRCUIT_BREAKER_FAILURE_THRESHOLD", "-1",
                "HTTP_PORT", String.valueOf(GatewayProcess.freePort())));

        assertThat(exitCode).isEqualTo(2);
        assertThat(GatewayProcess.output("negative-threshold"))
                .contains("circuit-breaker.failure-threshold")
                .contains("CIRCUIT_BREAKER_FAILURE_THRESHOLD");
    }

    @Test
    void givenAMalformedCarrierUrl_whenStarting_thenItStopsNamingTheKey() throws Exception {
        int exitCode = GatewayProcess.runToExit("bad-url", Map.of(
                "ARAMEX_BASE_URL", "not a url",
                "HTTP_PORT", String.valueOf(GatewayProcess.freePort())));

        assertThat(exitCode).isEqualTo(2);
        assertThat(GatewayProcess.output("bad-url")).contains("aramex.base-url");
    }
}
