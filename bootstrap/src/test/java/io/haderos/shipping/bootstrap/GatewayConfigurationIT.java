package io.haderos.shipping.bootstrap;

import static io.haderos.shipping.bootstrap.GatewayIT.QUOTE;
import static io.haderos.shipping.bootstrap.GatewayIT.RATES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Environment variables reach the running jar; bad values stop it with a message naming the key. */
class GatewayConfigurationIT {

    @Test
    void givenAFailureThresholdOfFive_whenAramexFails_thenItTakesFiveFaultsToOpen() throws Exception {
        try (GatewayProcess gateway =
                GatewayProcess.start("threshold-5", Map.of("CIRCUIT_BREAKER_FAILURE_THRESHOLD", "5"))) {
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
        int exitCode =
                GatewayProcess.runToExit("negative-threshold", Map.of("CIRCUIT_BREAKER_FAILURE_THRESHOLD", "-1"));

        assertThat(exitCode).isEqualTo(2);
        assertThat(GatewayProcess.output("negative-threshold"))
                .contains("circuit-breaker.failure-threshold")
                .contains("CIRCUIT_BREAKER_FAILURE_THRESHOLD");
    }

    @Test
    void givenADatabaseThatCannotBeReached_whenStarting_thenItStopsNamingTheKeyButNotTheUrl() throws Exception {
        int exitCode = GatewayProcess.runToExit(
                "no-database",
                Map.of(
                        "DATABASE_URL",
                        "jdbc:postgresql://127.0.0.1:" + GatewayProcess.freePort() + "/gateway?password=hunter2"));

        assertThat(exitCode).isEqualTo(2);
        assertThat(GatewayProcess.output("no-database"))
                .contains("database.url")
                .contains("cannot open the database")
                .doesNotContain("hunter2");
    }

    @Test
    void givenAMalformedCarrierUrl_whenStarting_thenItStopsNamingTheKey() throws Exception {
        int exitCode = GatewayProcess.runToExit("bad-url", Map.of("ARAMEX_BASE_URL", "not a url"));

        assertThat(exitCode).isEqualTo(2);
        assertThat(GatewayProcess.output("bad-url")).contains("aramex.base-url");
    }

    @Test
    void givenAMalformedTariff_whenStarting_thenItStopsNamingTheKeyAndTheLine(@TempDir Path dir) throws Exception {
        Path tariff = dir.resolve("tariff.csv");
        Files.writeString(tariff, "zone,riyadh,SA,Riyadh\nrate,riyadh,riyadh,EDDL,not-a-number,5.00,SAR\n");

        int exitCode = GatewayProcess.runToExit("bad-tariff", Map.of("SMSA_TARIFF_FILE", tariff.toString()));

        assertThat(exitCode).isEqualTo(2);
        assertThat(GatewayProcess.output("bad-tariff"))
                .contains("smsa.tariff-file")
                .contains("line 2");
    }
}
