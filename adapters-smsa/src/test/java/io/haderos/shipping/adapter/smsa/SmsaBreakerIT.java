package io.haderos.shipping.adapter.smsa;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haderos.shipping.adapter.resilience4j.CarrierCircuitBreaker;
import io.haderos.shipping.adapter.resilience4j.CircuitBreakerSettings;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.port.out.CarrierConfigurationException;
import io.haderos.shipping.domain.port.out.CarrierRejectedException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import io.haderos.shipping.domain.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The breaker in front of every call: when it opens, what it refuses, and how it closes again. */
class SmsaBreakerIT extends SmsaFixture {
    @Test
    void givenThreeConsecutiveFaults_whenCalledAgain_thenTheBreakerIsOpenAndNoRequestIsMade() {
        stubCreate(status(503));
        createFails();
        createFails();
        assertBreaker(CircuitState.CLOSED, 2, 0);
        createFails();
        assertBreaker(CircuitState.OPEN, 3, 0);

        CarrierUnavailableException refused = createFails();

        assertThat(refused.reason()).isEqualTo(Reason.CIRCUIT_OPEN);
        assertThat(refused.retryAfter())
                .as("a shipment waits for the trial and a second more, for the trials to close the breaker")
                .contains(Duration.ofSeconds(121));
        SMSA.verify(3, postRequestedFor(urlEqualTo(CREATE)));
        assertThat(transitions).singleElement().satisfies(transition -> {
            assertThat(transition.from()).isEqualTo(CircuitState.CLOSED);
            assertThat(transition.to()).isEqualTo(CircuitState.OPEN);
            assertThat(transition.cause()).contains("service_unavailable").doesNotContain(API_KEY);
        });
    }

    @Test
    void givenAnOpenBreaker_whenTrackingOrQuoting_thenRefusedWithoutRequestsToo() {
        stubCreate(status(500));
        createFails();
        createFails();
        createFails();

        assertThat(thrown(CarrierUnavailableException.class, () -> carrier.track("231200000001"))
                        .reason())
                .isEqualTo(Reason.CIRCUIT_OPEN);
        assertThat(thrown(
                                CarrierUnavailableException.class,
                                () -> carrier.quoteRates(rate(SA, "Riyadh", SA, "Jeddah", "1")))
                        .reason())
                .isEqualTo(Reason.CIRCUIT_OPEN);
        SMSA.verify(0, getRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void givenAnOpenBreakerAfterTheRecoveryTimeout_whenTwoTrialsSucceed_thenItClosesAgain() {
        stubCreate(status(502));
        createFails();
        createFails();
        createFails();
        breakerClock.advanceSeconds(120);
        stubCreate(okJson(CREATED));
        SMSA.stubFor(get(urlEqualTo(TRACK + "231200000001")).willReturn(okJson(TRACKING)));

        assertThat(thrown(CarrierUnavailableException.class, () -> carrier.createShipment(shipment()))
                        .reason())
                .as("a shipment is never a trial")
                .isEqualTo(Reason.CIRCUIT_OPEN);
        carrier.track("231200000001");
        assertBreaker(CircuitState.HALF_OPEN, 0, 1);
        carrier.track("231200000001");

        assertBreaker(CircuitState.CLOSED, 0, 2);
        carrier.createShipment(shipment());
        SMSA.verify(4, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void givenCallerAndConfigurationFaultsBetweenCarrierFaults_whenCounting_thenOnlyCarrierFaultsCount() {
        stubCreate(status(500));
        createFails();
        createFails();
        stubCreate(aResponse().withStatus(400).withBody(VALIDATION_ERRORS));
        thrown(CarrierRejectedException.class, () -> carrier.createShipment(shipment()));
        stubCreate(status(401));
        thrown(CarrierConfigurationException.class, () -> carrier.createShipment(shipment()));

        assertBreaker(CircuitState.CLOSED, 2, 0);
        stubCreate(status(500));
        createFails();
        assertBreaker(CircuitState.OPEN, 3, 0);
    }

    @Test
    void givenABreakerForAnotherCarrier_whenCreating_thenRefused() {
        CarrierCircuitBreaker aramex = CarrierCircuitBreaker.create(CarrierId.ARAMEX, CircuitBreakerSettings.DEFAULTS);
        SmsaConfig config =
                SmsaConfig.builder().baseUrl(SMSA.baseUrl()).apiKey(API_KEY).build();

        assertThatThrownBy(() -> SmsaShippingCarrier.create(config, aramex))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aramex");
    }

    @Test
    void givenOnlyAConfig_whenCreated_thenItsOwnBreakerUsesTheConfiguredSettings() {
        SmsaShippingCarrier own = SmsaShippingCarrier.create(SmsaConfig.builder()
                .baseUrl(SMSA.baseUrl())
                .apiKey(API_KEY)
                .circuitBreaker(new CircuitBreakerSettings(1, Duration.ofSeconds(30), 1))
                .build());
        stubCreate(status(504));

        thrown(CarrierUnavailableException.class, () -> own.createShipment(shipment()));

        assertThat(own.circuitBreaker().carrier()).isEqualTo(CarrierId.SMSA);
        assertThat(own.circuitBreaker().settings().failureThreshold()).isEqualTo(1);
        assertThat(own.circuitBreaker().snapshot().state()).isEqualTo(CircuitState.OPEN);
        assertThat(own.id()).isEqualTo(CarrierId.SMSA);
    }

    @Test
    void givenOnlyAConfig_whenItsClockPassesTheRecoveryTimeout_thenTheBreakerItBuiltLetsATrialThrough() {
        MutableClock clock = MutableClock.at("2025-01-01T07:00:00Z");
        SmsaShippingCarrier own = SmsaShippingCarrier.create(SmsaConfig.builder()
                .baseUrl(SMSA.baseUrl())
                .apiKey(API_KEY)
                .circuitBreaker(new CircuitBreakerSettings(1, Duration.ofSeconds(30), 1))
                .clock(clock)
                .build());
        stubCreate(status(503));
        thrown(CarrierUnavailableException.class, () -> own.createShipment(shipment()));
        assertThat(own.circuitBreaker().snapshot().state()).isEqualTo(CircuitState.OPEN);
        SMSA.stubFor(get(urlEqualTo(TRACK + "231200000001")).willReturn(okJson(TRACKING)));

        clock.advanceSeconds(30);
        own.track("231200000001");

        assertThat(own.circuitBreaker().snapshot().state()).isEqualTo(CircuitState.CLOSED);
    }
}
