package io.haderos.shipping.bootstrap;

import static io.haderos.shipping.bootstrap.GatewayIT.shipment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.haderos.shipping.adapter.jdbi.Database;
import io.haderos.shipping.adapter.jdbi.JdbiDataRetention;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md#retention at the jar: an order whose personal data the retention erased is still answered as
 * its idempotency record says, and a period that is not a positive number of days stops the start.
 */
class RetentionIT {

    private static final String SHIP = "/orders/RET-1/ship";

    @Test
    void givenAnOrderWhosePersonalDataWasErased_whenItsClientRetries_thenTheSameBodyReplaysAndAnotherConflicts()
            throws Exception {
        String schema = TestPostgres.freshSchema();
        String url = TestPostgres.schemaUrl(TestPostgres.URL, schema);
        try (GatewayProcess gateway = GatewayProcess.start("retention", TestPostgres.environment(url))) {
            gateway.fault("aramex", "unavailable");
            HttpResponse<String> created = gateway.post(SHIP, shipment(1.0));
            assertThat(created.statusCode()).isEqualTo(201);
            String tracking = gateway.json(created).path("tracking").asText();
            assertThat(gateway.json(created)
                            .path("attempts")
                            .get(0)
                            .path("detail")
                            .asText())
                    .as("what Aramex answered")
                    .isNotEmpty();

            // What the daily run does once the order is old enough: here, with a cut-off just ahead of the clock.
            try (Database database =
                    Database.open(Database.Settings.of(url, Optional.of(TestPostgres.USER), Optional.empty())
                            .withSchema(schema))) {
                int erased = new JdbiDataRetention(database.jdbi())
                        .erasePersonalDataBefore(Instant.now().plus(Duration.ofMinutes(1)), Instant.now(), 500);
                assertThat(erased).isEqualTo(1);
            }

            JsonNode stored = gateway.json(gateway.get("/orders/RET-1/shipment"));
            assertThat(stored.path("personal_data_erased_at").asText()).isNotEmpty();
            assertThat(stored.path("tracking").asText()).isEqualTo(tracking);
            assertThat(stored.path("label_url").isNull()).isTrue();
            assertThat(stored.path("attempts").get(0).has("detail")).isFalse();
            assertThat(stored.path("attempts").get(0).path("outcome").asText()).isEqualTo("service_unavailable");

            HttpResponse<String> retried = gateway.post(SHIP, shipment(1.0));
            assertThat(retried.statusCode()).isEqualTo(200);
            assertThat(retried.headers().firstValue("Idempotent-Replayed")).contains("true");
            assertThat(gateway.json(retried).path("tracking").asText()).isEqualTo(tracking);
            assertThat(gateway.json(retried).path("personal_data_erased_at").asText())
                    .isEqualTo(stored.path("personal_data_erased_at").asText());

            HttpResponse<String> changed = gateway.post(SHIP, shipment(2.0));
            assertThat(changed.statusCode()).isEqualTo(409);
        }
    }

    @Test
    void givenAPersonalDataPeriodOfZeroDays_whenStarting_thenItStopsNamingTheKey() throws Exception {
        int exitCode = GatewayProcess.runToExit(
                "retention-zero",
                Map.of("ORDERS_PERSONAL_DATA_DAYS", "0", "HTTP_PORT", String.valueOf(GatewayProcess.freePort())));

        assertThat(exitCode).isEqualTo(2);
        assertThat(GatewayProcess.output("retention-zero"))
                .contains("orders.personal-data-days")
                .contains("ORDERS_PERSONAL_DATA_DAYS")
                .contains("must be between 1 and 36500");
    }
}
