package io.haderos.shipping.adapter.aramex;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.haderos.shipping.adapter.resilience4j.CarrierCircuitBreaker;
import io.haderos.shipping.adapter.resilience4j.CircuitBreakerSettings;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import io.haderos.shipping.domain.port.out.CircuitTransitionListener;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The breaker in front of every call: when it opens, what it refuses, and how it closes again. */
class AramexBreakerIT extends AramexFixture {

    @Test
    void givenThreeConsecutiveFaults_whenCallingAgain_thenCircuitOpenAndNoRequestIsMade() {
        stub(RATE_PATH, aResponse().withStatus(503));
        for (int i = 1; i <= 3; i++) {
            assertThat(reasonOf(catchThrowable(() -> carrier.quoteRates(DOMESTIC_RATE))))
                    .isEqualTo(Reason.SERVICE_UNAVAILABLE);
        }
        assertBreaker(CircuitState.OPEN, 3, 0);

        Throwable fourth = catchThrowable(() -> carrier.quoteRates(DOMESTIC_RATE));

        assertThat(reasonOf(fourth)).isEqualTo(Reason.CIRCUIT_OPEN);
        assertThat(((CarrierUnavailableException) fourth).retryAfter()).contains(Duration.ofSeconds(120));
        ARAMEX.verify(3, postRequestedFor(urlEqualTo(RATE_PATH)));
        assertBreaker(CircuitState.OPEN, 3, 0);
    }

    @Test
    void givenOpenBreakerAndRecoveryTimeoutElapsed_whenAramexIsHealthyAgain_thenTwoTrialsCloseIt() {
        stub(RATE_PATH, aResponse().withStatus(503));
        for (int i = 0; i < 3; i++) {
            catchThrowable(() -> carrier.quoteRates(DOMESTIC_RATE));
        }
        ARAMEX.resetAll();
        stub(RATE_PATH, okJson(RATE_OK));
        clock.advance(Duration.ofSeconds(120));

        carrier.quoteRates(DOMESTIC_RATE);
        assertBreaker(CircuitState.HALF_OPEN, 0, 1);
        carrier.quoteRates(DOMESTIC_RATE);

        assertBreaker(CircuitState.CLOSED, 0, 2);
        ARAMEX.verify(2, postRequestedFor(urlEqualTo(RATE_PATH)));
    }

    @Test
    void givenAFaultThenASuccess_whenQuoting_thenConsecutiveFailuresResetToZero() {
        stub(RATE_PATH, aResponse().withStatus(500));
        catchThrowable(() -> carrier.quoteRates(DOMESTIC_RATE));
        assertBreaker(CircuitState.CLOSED, 1, 0);

        stub(RATE_PATH, okJson(RATE_OK));
        carrier.quoteRates(DOMESTIC_RATE);

        assertBreaker(CircuitState.CLOSED, 0, 1);
    }

    @Test
    void givenBreakerFromTheEmbeddingService_whenCreating_thenThatBreakerGuardsEveryCall() {
        CarrierCircuitBreaker own = CarrierCircuitBreaker.create(
                CarrierId.ARAMEX,
                new CircuitBreakerSettings(1, Duration.ofSeconds(30), 1),
                clock,
                CircuitTransitionListener.none());
        carrier = AramexShippingCarrier.create(config().build(), own);
        stub(RATE_PATH, aResponse().withStatus(503));

        catchThrowable(() -> carrier.quoteRates(DOMESTIC_RATE));

        assertThat(carrier.circuitBreaker()).isSameAs(own);
        assertThat(own.snapshot().state()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void givenBreakerForAnotherCarrier_whenCreating_thenRefused() {
        CarrierCircuitBreaker smsa = CarrierCircuitBreaker.create(CarrierId.SMSA, CircuitBreakerSettings.DEFAULTS);

        assertThatThrownBy(() -> AramexShippingCarrier.create(config().build(), smsa))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("smsa");
    }

    @Test
    void givenOnlyAConfig_whenItsClockPassesTheRecoveryTimeout_thenTheBreakerItBuiltLetsATrialThrough() {
        AramexShippingCarrier own = AramexShippingCarrier.create(
                config().circuitBreaker(new CircuitBreakerSettings(1, Duration.ofSeconds(30), 1))
                        .build());
        stub(RATE_PATH, aResponse().withStatus(503));
        catchThrowable(() -> own.quoteRates(DOMESTIC_RATE));
        assertThat(own.circuitBreaker().snapshot().state()).isEqualTo(CircuitState.OPEN);
        stub(RATE_PATH, okJson(RATE_OK));

        clock.advance(Duration.ofSeconds(30));
        own.quoteRates(DOMESTIC_RATE);

        assertThat(own.circuitBreaker().snapshot().state()).isEqualTo(CircuitState.CLOSED);
    }
}
