package io.haderos.shipping.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The README's walk-through, over HTTP, against the real jar with the sandbox's wire-protocol stand-ins:
 * quote, make Aramex fail, watch the breaker open and SMSA take over, heal it, watch it close.
 * The recovery timeout is 1 s here so that the heal step needs no long wait.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayIT {

    static final String RATES = "/api/v1/integrations/shipping/rates";
    static final String QUOTE = """
            {"origin":{"country":"SA","city":"Riyadh"},"destination":{"country":"AE","city":"Dubai"},"weight_kg":1.5}""";

    static String shipment(double weightKg) {
        return """
                {"consignee":{"name":"Sara Ahmed","phone":"+966551112233","email":"sara@example.com",
                   "address":{"country":"SA","city":"Jeddah","line1":"Building 7, Al Olaya St","line2":"Apt 12","postal_code":"23434"}},
                 "parcels":[{"weight_kg":%s}],"description":"Cotton T-shirts",
                 "declared_value":{"amount":"250.00","currency":"SAR"},"cod":{"amount":"0","currency":"SAR"}}
                """.formatted(weightKg);
    }

    @AutoClose
    private static GatewayProcess gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = GatewayProcess.start(
                "walkthrough",
                Map.of(
                        "CIRCUIT_BREAKER_RECOVERY_TIMEOUT", "1",
                        "ARAMEX_TIMEOUT", "2"));
    }

    @Test
    @Order(1)
    void givenAFreshGateway_thenEveryBreakerIsClosedWithExactlyTheDocumentedFields() throws Exception {
        JsonNode monitoring = gateway.monitoring();

        assertThat(monitoring.path("circuit_breakers").fieldNames())
                .toIterable()
                .containsExactly("aramex", "smsa");
        JsonNode aramex = monitoring.path("circuit_breakers").path("aramex");
        assertThat(aramex.path("state").asText()).isEqualTo("closed");
        assertThat(aramex.path("failure_count").asInt()).isZero();
        assertThat(aramex.path("success_count").asInt()).isZero();
        assertThat(aramex.path("last_failure_time").isNull()).isTrue();
        assertThat(aramex.path("time_since_last_failure").isNumber()).isTrue();
        assertThat(aramex.path("time_since_last_failure").asDouble()).isZero();
        assertThat(aramex.path("should_attempt_reset").asBoolean()).isFalse();
        assertThat(monitoring.path("alerts").isArray()).isTrue();
        assertThat(monitoring.path("alerts")).isEmpty();
        assertThat(monitoring.path("timestamp").asText()).endsWith("Z");
        assertThat(gateway.log()).contains("SANDBOX MODE");
    }

    @Test
    @Order(2)
    void givenHealthyCarriers_whenQuoting_thenAramexServes() throws Exception {
        HttpResponse<String> response = gateway.post(RATES, QUOTE);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = gateway.json(response);
        assertThat(body.path("provider").asText()).isEqualTo("aramex");
        assertThat(body.path("fallback").asBoolean()).isFalse();
        assertThat(body.path("rates").get(0).path("amount").asText()).matches("\\d+\\.\\d{2}");
        assertThat(body.path("rates").get(0).path("currency").asText()).isEqualTo("SAR");
        assertThat(body.path("attempts").get(0).path("outcome").asText()).isEqualTo("success");
    }

    @Test
    @Order(3)
    void givenAramexUnavailable_whenQuotingThreeTimes_thenSmsaServesAndTheBreakerOpens() throws Exception {
        gateway.fault("aramex", "unavailable");

        for (int i = 1; i <= 3; i++) {
            JsonNode body = gateway.json(gateway.post(RATES, QUOTE));
            assertThat(body.path("provider").asText()).isEqualTo("smsa");
            assertThat(body.path("fallback").asBoolean()).isTrue();
            assertThat(body.path("attempts").get(0).path("outcome").asText()).isEqualTo("service_unavailable");
            assertThat(gateway.breaker("aramex").path("failure_count").asInt()).isEqualTo(i);
        }

        JsonNode monitoring = gateway.monitoring();
        JsonNode aramex = monitoring.path("circuit_breakers").path("aramex");
        assertThat(aramex.path("state").asText()).isEqualTo("open");
        assertThat(aramex.path("last_failure_time").asText()).endsWith("Z");
        assertThat(monitoring.path("alerts").get(0).path("breaker").asText()).isEqualTo("aramex");
        assertThat(monitoring.path("alerts").get(0).path("severity").asText()).isEqualTo("critical");
    }

    @Test
    @Order(4)
    void givenAramexOpen_whenQuotingAndShipping_thenItsStandInReceivesNoRequest() throws Exception {
        int before = gateway.stats("aramex").path("requests").asInt();

        JsonNode quote = gateway.json(gateway.post(RATES, QUOTE));
        HttpResponse<String> shipped = gateway.post("/orders/ORD-OPEN-1/ship", shipment(1.2));

        assertThat(quote.path("attempts").get(0).path("outcome").asText()).isEqualTo("circuit_open");
        assertThat(shipped.statusCode()).isEqualTo(201);
        assertThat(gateway.json(shipped).path("provider").asText()).isEqualTo("smsa");
        assertThat(gateway.json(shipped).path("fallback").asBoolean()).isTrue();
        assertThat(gateway.stats("aramex").path("requests").asInt()).isEqualTo(before);

        // The walk-through then downloads the label, with SMSA down as well: the gateway kept it.
        assertThat(gateway.json(shipped).path("label_url").asText()).isEqualTo("/orders/ORD-OPEN-1/label");
        gateway.whileDown(List.of("smsa"), () -> {
            HttpResponse<byte[]> label = gateway.getBytes("/orders/ORD-OPEN-1/label");
            assertThat(label.statusCode()).isEqualTo(200);
            assertThat(label.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
            assertThat(new String(label.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("%PDF-");
        });
    }

    @Test
    @Order(5)
    void givenAramexHealed_whenTheRecoveryTimeoutHasPassed_thenTwoTrialsCloseTheBreaker() throws Exception {
        gateway.fault("aramex", "healthy");
        gateway.awaitTrialDue("aramex");

        JsonNode trial = gateway.json(gateway.post(RATES, QUOTE));
        assertThat(trial.path("provider").asText()).isEqualTo("aramex");
        assertThat(gateway.breaker("aramex").path("state").asText()).isEqualTo("half_open");

        gateway.post(RATES, QUOTE);
        JsonNode aramex = gateway.breaker("aramex");
        assertThat(aramex.path("state").asText()).isEqualTo("closed");
        assertThat(aramex.path("success_count").asInt()).isEqualTo(2);
        assertThat(gateway.monitoring().path("alerts")).isEmpty();
    }

    @Test
    @Order(6)
    void givenAramexAnswers500_whenShipping_thenTheOutcomeIsUnknownAndSmsaIsNotAsked() throws Exception {
        int smsaShipments = gateway.stats("smsa").path("shipments_created").asInt();
        gateway.fault("aramex", "error");

        HttpResponse<String> first = gateway.post("/orders/ORD-UNKNOWN-1/ship", shipment(2.0));
        HttpResponse<String> repeat = gateway.post("/orders/ORD-UNKNOWN-1/ship", shipment(2.0));

        assertThat(first.statusCode()).isEqualTo(502);
        assertThat(first.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(repeat.statusCode()).isEqualTo(409);
        assertThat(gateway.stats("smsa").path("shipments_created").asInt()).isEqualTo(smsaShipments);
        assertThat(gateway.json(gateway.get("/orders/ORD-UNKNOWN-1/shipment"))
                        .path("status")
                        .asText())
                .isEqualTo("outcome_unknown");
        gateway.fault("aramex", "healthy");
    }

    @Test
    @Order(7)
    void givenAShippedOrder_whenTheSameRequestRepeats_thenItIsReplayedAndNotShippedTwice() throws Exception {
        int aramexShipments = gateway.stats("aramex").path("shipments_created").asInt();

        HttpResponse<String> first = gateway.post("/orders/ORD-REPLAY-1/ship", shipment(1.0));
        HttpResponse<String> again = gateway.post("/orders/ORD-REPLAY-1/ship", shipment(1.0));
        HttpResponse<String> different = gateway.post("/orders/ORD-REPLAY-1/ship", shipment(3.0));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(gateway.json(again).path("tracking").asText())
                .isEqualTo(gateway.json(first).path("tracking").asText());
        assertThat(different.statusCode()).isEqualTo(409);
        assertThat(gateway.stats("aramex").path("shipments_created").asInt()).isEqualTo(aramexShipments + 1);
    }

    @Test
    @Order(8)
    void givenAramexSlow_whenQuoting_thenSmsaIsAskedAfterTheHedgeDelayAndAnswersFirst() throws Exception {
        HttpResponse<String> response;
        try {
            gateway.fault("aramex", "slow");
            response = gateway.post(RATES, QUOTE);
        } finally {
            gateway.fault("aramex", "healthy");
        }

        JsonNode body = gateway.json(response);
        assertThat(body.path("provider").asText()).isEqualTo("smsa");
        assertThat(body.path("attempts").get(0).path("outcome").asText())
                .as("overtaken, not waited for: the client did not wait Aramex's timeout")
                .isEqualTo("hedged");
        assertThat(body.path("attempts").get(1).path("outcome").asText()).isEqualTo("success");
    }

    @Test
    @Order(9)
    void givenEveryCarrierDown_whenQuoting_then503WithRetryAfter() throws Exception {
        gateway.whileDown(List.of("aramex", "smsa"), () -> {
            HttpResponse<String> last = null;
            for (int i = 0; i < 4; i++) {
                last = gateway.post("/orders/ORD-DOWN-" + i + "/ship", shipment(1.0));
            }
            assertThat(last.statusCode()).isEqualTo(503);
            // The trial comes after the 1 s recovery timeout; a shipment, never a trial, waits a second more for it.
            assertThat(last.headers().firstValue("Retry-After"))
                    .hasValueSatisfying(
                            seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 2));
            assertThat(gateway.monitoring().path("alerts").findValuesAsText("breaker"))
                    .contains("gateway");
        });
    }

    @Test
    @Order(10)
    void givenAShipmentAtEitherCarrier_whenTracked_thenItsEventsAreNormalized() throws Exception {
        awaitClosed("aramex");
        awaitClosed("smsa");
        String aramexTracking = gateway.json(gateway.post("/orders/ORD-TRACK-1/ship", shipment(1.0)))
                .path("tracking")
                .asText();
        JsonNode aramex = gateway.json(gateway.get("/api/v1/shipments/aramex/" + aramexTracking));
        HttpResponse<String> unknown = gateway.get("/api/v1/shipments/aramex/30199999999");
        gateway.fault("aramex", "unavailable");
        JsonNode smsaShipment;
        try {
            smsaShipment = gateway.json(gateway.post("/orders/ORD-TRACK-2/ship", shipment(1.0)));
        } finally {
            gateway.fault("aramex", "healthy");
        }

        JsonNode smsa = gateway.json(gateway.get(
                "/api/v1/shipments/smsa/" + smsaShipment.path("tracking").asText()));

        assertThat(smsaShipment.path("provider").asText()).isEqualTo("smsa");
        assertThat(aramex.path("provider").asText()).isEqualTo("aramex");
        assertThat(aramex.path("events").get(0).path("code").asText()).isEqualTo("SH014");
        assertThat(aramex.path("events").get(0).path("time").asText()).matches(".*T.*[+-]\\d{2}:\\d{2}");
        assertThat(smsa.path("events")).isNotEmpty();
        assertThat(smsa.path("events").get(0).path("time").asText()).endsWith("+03:00");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    /**
     * Waits (bounded) until the breaker is closed again: shipments are never trials, so after its 1 s recovery
     * timeout the gateway's own probes close it (within a second of the trial falling due, twice).
     */
    private static void awaitClosed(String carrier) {
        gateway.awaitBreaker(
                carrier,
                Duration.ofSeconds(20),
                breaker -> "closed".equals(breaker.path("state").asText()));
    }
}
