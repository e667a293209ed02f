package io.haderos.shipping.adapter.rest;

import static io.haderos.shipping.adapter.rest.Fixtures.MONITORING;
import static io.haderos.shipping.adapter.rest.Fixtures.snapshot;
import static io.haderos.shipping.adapter.rest.RatesResourceIT.json;
import static io.haderos.shipping.adapter.rest.RestApiExtension.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.haderos.shipping.adapter.rest.RestApiExtension.Reply;
import io.haderos.shipping.application.port.in.MonitoringReport;
import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.policy.AlertPolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /api/v1/integrations/monitoring/circuit-breakers}: docs/architecture.md#rest-contract names exactly, with snapshots
 * and alerts from the real {@link AlertPolicy}. Recovery timeout T = 120 s.
 */
class CircuitBreakerMonitoringResourceIT {

    @RegisterExtension
    static final RestApiExtension api = new RestApiExtension();

    private static final CarrierId ARAMEX = CarrierId.ARAMEX;
    private static final CarrierId SMSA = CarrierId.SMSA;
    private static final Instant NOW = Instant.parse("2025-12-28T10:30:00Z");
    private static final Instant STARTED = Instant.parse("2025-12-28T08:00:00Z");

    @Test
    void givenBreakersThatNeverFailed_whenMonitored_thenDesignsExampleExactly() {
        report(snapshot(ARAMEX, CircuitState.CLOSED, 0, 0, Optional.empty(), STARTED, NOW));

        Reply reply = api.get(MONITORING);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.mediaType()).isEqualTo(JSON);
        JsonNode json = reply.json();
        assertThat(json.get("circuit_breakers").get("aramex")).isEqualTo(json("""
                {"state":"closed","failure_count":0,"success_count":0,"last_failure_time":null,
                 "time_since_last_failure":0,"should_attempt_reset":false,
                 "retry_after_seconds":0,"state_since":"2025-12-28T08:00:00Z","recovery_timeout_seconds":120,
                 "override":null}"""));
        assertThat(json.get("circuit_breakers")
                        .get("aramex")
                        .get("time_since_last_failure")
                        .isIntegralNumber())
                .isTrue();
        assertThat(json.get("alerts").isArray()).isTrue();
        assertThat(json.get("alerts")).isEmpty();
        assertThat(json.get("timestamp").asText()).isEqualTo("2025-12-28T10:30:00Z");
    }

    @Test
    void givenAClosedBreakerThatFailedBefore_whenMonitored_thenLastFailureTimeIsIsoAndTimeSinceIsSeconds() {
        report(snapshot(ARAMEX, CircuitState.CLOSED, 1, 4, Optional.of(NOW.minusMillis(12_500)), STARTED, NOW));

        JsonNode aramex = api.get(MONITORING).json().get("circuit_breakers").get("aramex");

        assertThat(aramex.get("state").asText()).isEqualTo("closed");
        assertThat(aramex.get("failure_count").asInt()).isEqualTo(1);
        assertThat(aramex.get("success_count").asInt()).isEqualTo(4);
        assertThat(aramex.get("last_failure_time").asText()).isEqualTo("2025-12-28T10:29:47.500Z");
        assertThat(aramex.get("time_since_last_failure").isNumber()).isTrue();
        assertThat(aramex.get("time_since_last_failure").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(aramex.get("should_attempt_reset").booleanValue()).isFalse();
    }

    @Test
    void givenAramexOpenWithinTheRecoveryTimeout_whenMonitored_thenOpenNoResetYetRetryAfterAndACriticalAlert() {
        Instant opened = NOW.minusSeconds(30);
        report(
                snapshot(ARAMEX, CircuitState.OPEN, 3, 0, Optional.of(opened), opened, NOW),
                snapshot(SMSA, CircuitState.CLOSED, 0, 7, Optional.empty(), STARTED, NOW));

        JsonNode json = api.get(MONITORING).json();

        JsonNode aramex = json.get("circuit_breakers").get("aramex");
        assertThat(aramex.get("state").asText()).isEqualTo("open");
        assertThat(aramex.get("failure_count").asInt()).isEqualTo(3);
        assertThat(aramex.get("last_failure_time").asText()).isEqualTo("2025-12-28T10:29:30Z");
        assertThat(aramex.get("time_since_last_failure").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(30));
        assertThat(aramex.get("should_attempt_reset").booleanValue()).isFalse();
        assertThat(aramex.get("retry_after_seconds").asLong()).isEqualTo(90);
        assertThat(aramex.get("state_since").asText()).isEqualTo("2025-12-28T10:29:30Z");
        assertThat(json.get("alerts")).hasSize(1);
        JsonNode alert = json.get("alerts").get(0);
        assertThat(alert.get("breaker").asText()).isEqualTo("aramex");
        assertThat(alert.get("severity").asText()).isEqualTo("critical");
        assertThat(alert.get("message").asText()).contains("open");
        assertThat(alert.get("since").asText()).isEqualTo("2025-12-28T10:29:30Z");
    }

    @Test
    void givenAramexOpenPastTheRecoveryTimeout_whenMonitored_thenStillOpenButShouldAttemptReset() {
        Instant opened = NOW.minusSeconds(121);
        report(snapshot(ARAMEX, CircuitState.OPEN, 3, 0, Optional.of(opened), opened, NOW));

        JsonNode aramex = api.get(MONITORING).json().get("circuit_breakers").get("aramex");

        assertThat(aramex.get("state").asText()).isEqualTo("open");
        assertThat(aramex.get("should_attempt_reset").booleanValue()).isTrue();
        assertThat(aramex.get("retry_after_seconds").asLong()).isZero();
        assertThat(aramex.get("time_since_last_failure").decimalValue()).isEqualByComparingTo("121");
    }

    @Test
    void givenAramexHalfOpen_whenMonitored_thenHalfOpenWithAWarning() {
        Instant trial = NOW.minusSeconds(5);
        report(
                snapshot(ARAMEX, CircuitState.HALF_OPEN, 0, 1, Optional.of(NOW.minusSeconds(125)), trial, NOW),
                snapshot(SMSA, CircuitState.CLOSED, 0, 0, Optional.empty(), STARTED, NOW));

        JsonNode json = api.get(MONITORING).json();

        JsonNode aramex = json.get("circuit_breakers").get("aramex");
        assertThat(aramex.get("state").asText()).isEqualTo("half_open");
        assertThat(aramex.get("success_count").asInt()).isEqualTo(1);
        assertThat(aramex.get("should_attempt_reset").booleanValue()).isFalse();
        assertThat(json.get("alerts")).hasSize(1);
        assertThat(json.get("alerts").get(0).get("severity").asText()).isEqualTo("warning");
        assertThat(json.get("alerts").get(0).get("breaker").asText()).isEqualTo("aramex");
    }

    @Test
    void givenEveryBreakerOpen_whenMonitored_thenACriticalGatewayAlertToo() {
        Instant opened = NOW.minusSeconds(10);
        report(
                snapshot(ARAMEX, CircuitState.OPEN, 3, 0, Optional.of(opened), opened, NOW),
                snapshot(SMSA, CircuitState.FORCED_OPEN, 0, 0, Optional.empty(), opened, NOW));

        JsonNode json = api.get(MONITORING).json();

        assertThat(json.get("circuit_breakers").get("smsa").get("state").asText())
                .isEqualTo("forced_open");
        assertThat(json.get("alerts").findValuesAsText("breaker")).containsExactly("aramex", "smsa", "gateway");
        assertThat(json.get("alerts").findValuesAsText("severity")).containsOnly("critical");
    }

    @Test
    void givenBreakersInConfiguredOrder_whenMonitored_thenCircuitBreakersIsAnObjectInThatOrder() {
        report(
                snapshot(SMSA, CircuitState.DISABLED, 0, 0, Optional.empty(), STARTED, NOW),
                snapshot(ARAMEX, CircuitState.CLOSED, 0, 0, Optional.empty(), STARTED, NOW));

        JsonNode breakers = api.get(MONITORING).json().get("circuit_breakers");

        assertThat(breakers.isObject()).isTrue();
        assertThat(breakers.fieldNames()).toIterable().containsExactly("smsa", "aramex");
        assertThat(breakers.get("smsa").get("state").asText()).isEqualTo("disabled");
    }

    @Test
    void givenHeldOrders_whenMonitored_thenTheirCountIsShownButNotTheOrders() {
        List<CircuitSnapshot> breakers =
                List.of(snapshot(ARAMEX, CircuitState.CLOSED, 0, 0, Optional.empty(), STARTED, NOW));
        api.fakes().onReport(() -> new MonitoringReport(breakers, List.of(), NOW, 3));

        JsonNode json = api.get(MONITORING).json();

        assertThat(json.get("held_orders").asLong()).isEqualTo(3);
        assertThat(json.toString()).doesNotContain("order_id");
    }

    @Test
    void givenAnyBreaker_whenMonitored_thenEveryNameOfTheDesignIsPresent() {
        report(snapshot(ARAMEX, CircuitState.CLOSED, 0, 0, Optional.empty(), STARTED, NOW));

        JsonNode json = api.get(MONITORING).json();

        assertThat(json.fieldNames())
                .toIterable()
                .containsExactly("circuit_breakers", "alerts", "timestamp", "held_orders");
        assertThat(json.get("circuit_breakers").get("aramex").fieldNames())
                .toIterable()
                .contains(
                        "state",
                        "failure_count",
                        "success_count",
                        "last_failure_time",
                        "time_since_last_failure",
                        "should_attempt_reset");
    }

    private static void report(CircuitSnapshot... snapshots) {
        List<CircuitSnapshot> breakers = List.of(snapshots);
        api.fakes().onReport(() -> new MonitoringReport(breakers, new AlertPolicy().alertsFor(breakers), NOW));
    }
}
