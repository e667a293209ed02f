package io.haderos.shipping.bootstrap;

import static io.haderos.shipping.bootstrap.GatewayIT.QUOTE;
import static io.haderos.shipping.bootstrap.GatewayIT.RATES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What operators get from the running jar: one Slack message and one e-mail when a breaker opens and when it
 * recovers, operator overrides guarded by the admin token and recorded with actor and reason, health probes
 * and Prometheus metrics.
 */
class OperabilityIT {

    private static final String TOKEN = "operability-admin-token-0123456789";
    private static final String MONITORING = "/api/v1/integrations/monitoring/circuit-breakers";
    private static final String ARAMEX_STATE = MONITORING + "/aramex/state";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private SlackStub webhook;

    @BeforeEach
    void startWebhook() throws IOException {
        webhook = SlackStub.start("/services/T000/B000/secret-token");
    }

    @AfterEach
    void stopWebhook() {
        webhook.close();
    }

    private Map<String, String> environment() {
        return Map.of(
                "CIRCUIT_BREAKER_RECOVERY_TIMEOUT", "1",
                "ADMIN_TOKEN", TOKEN,
                "ALERTS_SLACK_WEBHOOK_URL", webhook.url(),
                "ALERTS_EMAIL_HOST", "127.0.0.1",
                "ALERTS_EMAIL_PORT", String.valueOf(SMTP.getSmtp().getPort()),
                "ALERTS_EMAIL_STARTTLS", "false",
                "ALERTS_EMAIL_FROM", "gateway@haderos.test",
                "ALERTS_EMAIL_TO", "oncall@haderos.test");
    }

    @Test
    void anOutageAndItsRecoveryReachSlackAndEmailOnceEach() throws Exception {
        try (GatewayProcess gateway = GatewayProcess.start("operability-alerts", environment())) {
            gateway.fault("aramex", "down");
            for (int i = 0; i < 3; i++) {
                assertThat(gateway.post(RATES, QUOTE).statusCode()).isEqualTo(200);
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> webhook.messages().size() == 1 && SMTP.getReceivedMessages().length == 1);
            assertThat(webhook.messages().get(0))
                    .contains("aramex")
                    .contains("OPEN")
                    .contains("3 consecutive failures");
            assertThat(SMTP.getReceivedMessages()[0].getSubject())
                    .contains("CRITICAL")
                    .contains("aramex");

            gateway.fault("aramex", "healthy");
            // After the 1 s recovery timeout, two successful trials close the breaker.
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        gateway.post(RATES, QUOTE);
                        return "closed"
                                .equals(gateway.breaker("aramex").path("state").asText());
                    });
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> webhook.messages().size() == 2 && SMTP.getReceivedMessages().length == 2);
        }
        // The graceful stop flushed the notifiers: still exactly one message per opening and per recovery.
        assertThat(webhook.messages()).hasSize(2);
        assertThat(webhook.messages().get(1))
                .contains("aramex")
                .contains("RECOVERED")
                .contains("closed after");
        MimeMessage recovery = SMTP.getReceivedMessages()[1];
        assertThat(SMTP.getReceivedMessages()).hasSize(2);
        assertThat(recovery.getSubject()).contains("RECOVERED").contains("aramex");
    }

    @Test
    void overridesNeedTheTokenTakeEffectAtOnceAndAreAuditedWithActorAndReason() throws Exception {
        try (GatewayProcess gateway = GatewayProcess.start("operability-overrides", environment())) {
            String forceOpen =
                    "{\"state\":\"forced_open\",\"reason\":\"Aramex maintenance window\",\"actor\":\"nora\"}";

            HttpResponse<String> withoutToken = gateway.putWithoutToken(ARAMEX_STATE, forceOpen);
            assertThat(withoutToken.statusCode()).isEqualTo(401);
            assertThat(withoutToken.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
            assertThat(gateway.put(ARAMEX_STATE, forceOpen, "not-the-token-at-all")
                            .statusCode())
                    .isEqualTo(403);
            assertThat(gateway.breaker("aramex").path("state").asText()).isEqualTo("closed");

            HttpResponse<String> forced = gateway.put(ARAMEX_STATE, forceOpen, TOKEN);
            assertThat(forced.statusCode()).isEqualTo(200);
            assertThat(gateway.json(forced).path("state").asText()).isEqualTo("forced_open");
            int aramexRequests = gateway.stats("aramex").path("requests").asInt();
            JsonNode quote = gateway.json(gateway.post(RATES, QUOTE));
            assertThat(quote.path("provider").asText()).isEqualTo("smsa");
            assertThat(quote.path("attempts").get(0).path("outcome").asText()).isEqualTo("circuit_open");
            assertThat(gateway.stats("aramex").path("requests").asInt()).isEqualTo(aramexRequests);

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> gateway.json(gateway.get(MONITORING + "/aramex/transitions"))
                                    .path("transitions")
                                    .size()
                            == 1);
            JsonNode audited = gateway.json(gateway.get(MONITORING + "/aramex/transitions"))
                    .path("transitions")
                    .get(0);
            assertThat(audited.path("to").asText()).isEqualTo("forced_open");
            assertThat(audited.path("actor").asText()).isEqualTo("nora");
            assertThat(audited.path("cause").asText()).contains("Aramex maintenance window");
            assertThat(gateway.log()).doesNotContain(TOKEN);
        }
    }

    @Test
    void withoutAnAdminTokenOverridesAreRefused() throws Exception {
        try (GatewayProcess gateway = GatewayProcess.start("operability-no-token", Map.of())) {
            HttpResponse<String> refused = gateway.put(
                    ARAMEX_STATE, "{\"state\":\"forced_open\",\"reason\":\"try\"}", "any-token-whatsoever-123");

            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("no admin.token is configured");
            assertThat(gateway.breaker("aramex").path("state").asText()).isEqualTo("closed");
        }
    }

    @Test
    void probesAndMetricsAnswer() throws Exception {
        try (GatewayProcess gateway = GatewayProcess.start("operability-probes", Map.of())) {
            gateway.fault("aramex", "down");
            for (int i = 0; i < 3; i++) {
                gateway.post(RATES, QUOTE);
            }

            assertThat(gateway.get("/health/live").statusCode()).isEqualTo(200);
            HttpResponse<String> ready = gateway.get("/health/ready");
            assertThat(ready.statusCode())
                    .as("a carrier outage leaves the gateway ready")
                    .isEqualTo(200);
            assertThat(gateway.json(ready).path("checks").path("database").asText())
                    .isEqualTo("up");

            HttpResponse<String> metrics = gateway.get("/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
            assertThat(metrics.body())
                    .contains("resilience4j_circuitbreaker_state{name=\"aramex\",state=\"open\"} 1.0")
                    .contains("resilience4j_circuitbreaker_not_permitted_calls_total")
                    .contains("gateway_circuit_transitions_total{carrier=\"aramex\",from=\"closed\",to=\"open\"} 1.0")
                    .contains("gateway_fallbacks_total{from=\"aramex\",operation=\"quote_rates\",to=\"smsa\"} 3.0")
                    .contains("gateway_carrier_call_seconds_bucket")
                    .contains("http_server_requests_seconds_count{method=\"POST\",outcome=\"SUCCESS\",status=\"200\","
                            + "uri=\"/api/v1/integrations/shipping/rates\"}")
                    .contains("jvm_memory_used_bytes");

            HttpResponse<String> dashboard = gateway.get("/dashboard");
            assertThat(dashboard.statusCode()).isEqualTo(200);
            assertThat(dashboard.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        }
    }
}
