package io.haderos.shipping.bootstrap.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haderos.shipping.adapter.resilience4j.CarrierCircuitBreaker;
import io.haderos.shipping.adapter.resilience4j.CircuitBreakerSettings;
import io.haderos.shipping.adapter.rest.AccessObserver;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.ClientId;
import io.haderos.shipping.domain.policy.CarrierOperation;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import io.haderos.shipping.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The scraped text, driven through the real breakers, the transition listener and the call observer. */
class GatewayMetricsTest {

    private static final CarrierId ARAMEX = CarrierId.ARAMEX;
    private static final CarrierId SMSA = CarrierId.SMSA;

    private final MutableClock clock = MutableClock.at("2026-01-05T10:00:00Z");
    private final GatewayMetrics metrics = GatewayMetrics.create(List.of(ARAMEX, SMSA));
    private final CarrierCircuitBreaker aramex = breaker(ARAMEX);
    private final CarrierCircuitBreaker smsa = breaker(SMSA);

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void givenSuppliersNobodyElseHolds_thenTheAuditBacklogAndAlertCountersStillReadAfterAGarbageCollection() {
        // Micrometer holds these objects weakly: a method reference nobody else keeps was collected, and read NaN.
        AtomicInteger backlog = new AtomicInteger(7);
        AtomicLong failed = new AtomicLong(3);
        AtomicLong dropped = new AtomicLong(2);
        metrics.bindAuditTrail(backlog::get);
        metrics.bindAlertChannel("slack", failed::get, dropped::get);

        for (int i = 0; i < 5; i++) {
            System.gc();
        }

        assertThat(metrics.scrape())
                .contains("gateway_audit_trail_backlog 7.0")
                .contains("gateway_alert_delivery_failures_total{channel=\"slack\"} 3.0")
                .contains("gateway_alert_notices_dropped_total{channel=\"slack\"} 2.0");
    }

    @Test
    void givenHeldOrderSuppliersNobodyElseHolds_thenTheCountAndTheOldestAgeStillReadAfterAGarbageCollection() {
        AtomicLong held = new AtomicLong(2);
        metrics.bindHeldOrders(held::get, () -> 960.5);

        for (int i = 0; i < 5; i++) {
            System.gc();
        }

        assertThat(metrics.scrape())
                .contains("gateway_held_orders 2.0")
                .contains("gateway_held_order_oldest_seconds 960.5");
        held.set(0);
        assertThat(metrics.scrape()).contains("gateway_held_orders 0.0");
    }

    @Test
    void givenRefusedAuthenticationsAndARateLimitedClient_thenTheyAreCountedFromZero() {
        AccessObserver observer = metrics.accessObserver(List.of(ClientId.of("shop-web"), ClientId.of("erp")));

        assertThat(metrics.scrape())
                .contains("gateway_auth_refusals_total{kind=\"client\",reason=\"missing\"} 0")
                .contains("gateway_auth_refusals_total{kind=\"admin\",reason=\"disabled\"} 0")
                .doesNotContain("gateway_auth_refusals_total{kind=\"client\",reason=\"disabled\"}")
                .contains("gateway_rate_limited_requests_total{client=\"erp\"} 0");

        observer.refused(AccessObserver.Kind.CLIENT, AccessObserver.Reason.UNKNOWN_TOKEN);
        observer.refused(AccessObserver.Kind.CLIENT, AccessObserver.Reason.UNKNOWN_TOKEN);
        observer.refused(AccessObserver.Kind.ADMIN, AccessObserver.Reason.MISSING);
        observer.rateLimited(ClientId.of("erp"));

        assertThat(metrics.scrape())
                .contains("gateway_auth_refusals_total{kind=\"client\",reason=\"unknown_token\"} 2")
                .contains("gateway_auth_refusals_total{kind=\"admin\",reason=\"missing\"} 1")
                .contains("gateway_rate_limited_requests_total{client=\"erp\"} 1")
                .contains("gateway_rate_limited_requests_total{client=\"shop-web\"} 0");
    }

    @Test
    void givenBoundBreakers_whenNothingHappened_thenResilience4jStandardMetricsAreExposed() {
        metrics.bindCircuitBreakers(List.of(aramex, smsa));

        assertThat(metrics.scrape())
                .contains("resilience4j_circuitbreaker_state{name=\"aramex\",state=\"closed\"} 1")
                .contains("resilience4j_circuitbreaker_state{name=\"aramex\",state=\"open\"} 0")
                .contains("resilience4j_circuitbreaker_state{name=\"smsa\",state=\"closed\"} 1")
                .contains("resilience4j_circuitbreaker_calls_seconds_count{kind=\"successful\",name=\"aramex\"} 0")
                .contains("resilience4j_circuitbreaker_calls_seconds_sum{kind=\"failed\",name=\"aramex\"} 0")
                .contains("resilience4j_circuitbreaker_calls_seconds_max{kind=\"ignored\",name=\"aramex\"} 0")
                .contains(
                        "resilience4j_circuitbreaker_not_permitted_calls_total{kind=\"not_permitted\",name=\"aramex\"} 0")
                .contains("resilience4j_circuitbreaker_buffered_calls{kind=\"failed\",name=\"aramex\"} 0")
                .contains("resilience4j_circuitbreaker_slow_calls{kind=\"successful\",name=\"aramex\"} 0")
                .contains("resilience4j_circuitbreaker_failure_rate{name=\"aramex\"} -1")
                .contains("resilience4j_circuitbreaker_slow_call_rate{name=\"aramex\"} -1");
    }

    @Test
    void givenAClosedBreaker_whenThreeFaultsOpenItAndACallIsRefused_thenTransitionsAndResilience4jCountsShow() {
        metrics.bindCircuitBreakers(List.of(aramex, smsa));

        fault(aramex);
        fault(aramex);
        fault(aramex);
        assertThatThrownBy(() -> aramex.call(CarrierOperation.QUOTE_RATES, () -> "not attempted"))
                .isInstanceOf(CarrierUnavailableException.class);

        assertThat(metrics.scrape())
                .contains("gateway_circuit_transitions_total{carrier=\"aramex\",from=\"closed\",to=\"open\"} 1.0")
                .contains("gateway_circuit_transitions_total{carrier=\"smsa\",from=\"closed\",to=\"open\"} 0.0")
                .contains("resilience4j_circuitbreaker_state{name=\"aramex\",state=\"open\"} 1")
                .contains("resilience4j_circuitbreaker_calls_seconds_count{kind=\"failed\",name=\"aramex\"} 3")
                .contains(
                        "resilience4j_circuitbreaker_not_permitted_calls_total{kind=\"not_permitted\",name=\"aramex\"} 1.0")
                .contains("resilience4j_circuitbreaker_buffered_calls{kind=\"failed\",name=\"aramex\"} 3")
                .contains("resilience4j_circuitbreaker_failure_rate{name=\"aramex\"} 100.0");
    }

    @Test
    void givenAnOpenBreaker_whenItRecoversThroughHalfOpen_thenEachTransitionIsCountedOnce() {
        fault(aramex);
        fault(aramex);
        fault(aramex);
        clock.advanceSeconds(120);
        aramex.call(CarrierOperation.QUOTE_RATES, () -> "trial 1");
        aramex.call(CarrierOperation.QUOTE_RATES, () -> "trial 2");

        assertThat(metrics.scrape())
                .contains("gateway_circuit_transitions_total{carrier=\"aramex\",from=\"closed\",to=\"open\"} 1.0")
                .contains("gateway_circuit_transitions_total{carrier=\"aramex\",from=\"open\",to=\"half_open\"} 1.0")
                .contains("gateway_circuit_transitions_total{carrier=\"aramex\",from=\"half_open\",to=\"closed\"} 1.0")
                .contains("gateway_circuit_transitions_total{carrier=\"aramex\",from=\"half_open\",to=\"open\"} 0.0");
    }

    @Test
    void givenAnOperatorOverride_whenTheBreakerIsForcedOpen_thenTheStateNameIsLowerCase() {
        aramex.forceOpen("ops@haderos.io", "carrier maintenance");

        assertThat(metrics.scrape())
                .contains(
                        "gateway_circuit_transitions_total{carrier=\"aramex\",from=\"closed\",to=\"forced_open\"} 1.0");
    }

    @Test
    void givenTheObserver_whenACallFallsBack_thenFallbacksAndTheLatencyHistogramAreExposed() {
        var observer = metrics.carrierCallObserver();

        observer.called(ARAMEX, CarrierOperation.QUOTE_RATES, AttemptOutcome.TIMEOUT, Duration.ofMillis(10_000));
        observer.fellBack(CarrierOperation.QUOTE_RATES, ARAMEX, SMSA);
        observer.called(SMSA, CarrierOperation.QUOTE_RATES, AttemptOutcome.SUCCESS, Duration.ofMillis(40));

        assertThat(metrics.scrape())
                .contains("gateway_fallbacks_total{from=\"aramex\",operation=\"quote_rates\",to=\"smsa\"} 1.0")
                .contains("gateway_fallbacks_total{from=\"aramex\",operation=\"create_shipment\",to=\"smsa\"} 0.0")
                .contains("# TYPE gateway_carrier_call_seconds histogram")
                .contains("gateway_carrier_call_seconds_bucket{carrier=\"smsa\",operation=\"quote_rates\","
                        + "outcome=\"success\",le=\"0.025\"} 0")
                .contains("gateway_carrier_call_seconds_bucket{carrier=\"smsa\",operation=\"quote_rates\","
                        + "outcome=\"success\",le=\"0.05\"} 1")
                .contains("gateway_carrier_call_seconds_bucket{carrier=\"aramex\",operation=\"quote_rates\","
                        + "outcome=\"timeout\",le=\"5.0\"} 0")
                .contains("gateway_carrier_call_seconds_bucket{carrier=\"aramex\",operation=\"quote_rates\","
                        + "outcome=\"timeout\",le=\"10.0\"} 1")
                .contains("gateway_carrier_call_seconds_bucket{carrier=\"aramex\",operation=\"quote_rates\","
                        + "outcome=\"timeout\",le=\"+Inf\"} 1")
                .contains("gateway_carrier_call_seconds_count{carrier=\"aramex\",operation=\"quote_rates\","
                        + "outcome=\"timeout\"} 1")
                .contains("gateway_carrier_call_seconds_sum{carrier=\"aramex\",operation=\"quote_rates\","
                        + "outcome=\"timeout\"} 10.0");
    }

    @Test
    void givenMalformedInput_whenTheListenerAndObserverAreCalled_thenTheyDoNotThrow() {
        var observer = metrics.carrierCallObserver();
        var listener = metrics.transitionListener();
        CircuitStateChanged changed = new CircuitStateChanged(
                ARAMEX,
                CircuitState.CLOSED,
                CircuitState.OPEN,
                Instant.parse("2026-01-05T10:00:00Z"),
                "test",
                1,
                3,
                0,
                Optional.empty());

        assertThatCode(() -> {
                    observer.called(ARAMEX, CarrierOperation.CREATE_SHIPMENT, AttemptOutcome.SUCCESS, null);
                    observer.called(null, CarrierOperation.CREATE_SHIPMENT, AttemptOutcome.SUCCESS, Duration.ZERO);
                    observer.fellBack(null, ARAMEX, SMSA);
                    listener.onTransition(null);
                    listener.onTransition(changed);
                })
                .doesNotThrowAnyException();
        assertThat(metrics.scrape())
                .contains("gateway_circuit_transitions_total{carrier=\"aramex\",from=\"closed\",to=\"open\"} 1.0");
    }

    @Test
    void givenABreakerBoundTwice_whenItFails_thenItsCallsAreCountedOnce() {
        metrics.bindCircuitBreakers(List.of(aramex));
        metrics.bindCircuitBreakers(List.of(aramex, smsa));

        fault(aramex);

        assertThat(metrics.scrape())
                .contains("resilience4j_circuitbreaker_calls_seconds_count{kind=\"failed\",name=\"aramex\"} 1\n");
    }

    @Test
    void givenABoundBreaker_whenAnotherBreakerForTheSameCarrierIsBound_thenItIsRefused() {
        metrics.bindCircuitBreakers(List.of(aramex));

        assertThatThrownBy(() -> metrics.bindCircuitBreakers(List.of(breaker(ARAMEX))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aramex");
    }

    @Test
    void givenANewRegistry_thenJvmMetricsAreExposed() {
        assertThat(metrics.scrape())
                .contains("jvm_memory_used_bytes{")
                .contains("jvm_gc_")
                .contains("jvm_threads_live_threads ")
                .contains("jvm_classes_loaded_classes ")
                .contains("system_cpu_count ")
                .contains("process_uptime_seconds ");
    }

    private CarrierCircuitBreaker breaker(CarrierId carrier) {
        return CarrierCircuitBreaker.create(
                carrier, CircuitBreakerSettings.DEFAULTS, clock, metrics.transitionListener());
    }

    private static void fault(CarrierCircuitBreaker breaker) {
        assertThatThrownBy(() -> breaker.call(CarrierOperation.QUOTE_RATES, () -> {
                    throw new CarrierUnavailableException(breaker.carrier(), Reason.TIMEOUT, "no answer within 10 s");
                }))
                .isInstanceOf(CarrierUnavailableException.class);
    }
}
