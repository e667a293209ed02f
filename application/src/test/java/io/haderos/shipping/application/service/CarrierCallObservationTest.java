package io.haderos.shipping.application.service;

import static io.haderos.shipping.application.service.Fixtures.RATE_REQUEST;
import static io.haderos.shipping.application.service.Fixtures.fault;
import static io.haderos.shipping.application.service.Fixtures.rejected;
import static io.haderos.shipping.domain.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.haderos.shipping.application.port.out.CarrierCallObserver;
import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.policy.CarrierOperation;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import io.haderos.shipping.domain.testing.ScriptedCarrier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metrics hook sees each carrier call with its outcome, and each move to the next carrier. */
class CarrierCallObservationTest {

    private final ScriptedCarrier aramex = new ScriptedCarrier(CarrierId.ARAMEX);
    private final ScriptedCarrier smsa = new ScriptedCarrier(CarrierId.SMSA);
    private final List<String> seen = new ArrayList<>();
    private final QuoteRatesService service = Fixtures.quoteRates(List.of(aramex, smsa), new CarrierCallObserver() {
        @Override
        public void called(CarrierId carrier, CarrierOperation operation, AttemptOutcome outcome, Duration elapsed) {
            assertThat(elapsed.isNegative()).isFalse();
            seen.add(carrier.value() + " " + operation + " " + outcome);
        }

        @Override
        public void fellBack(CarrierOperation operation, CarrierId from, CarrierId to) {
            seen.add("fallback " + operation + " " + from.value() + " -> " + to.value());
        }
    });

    @Test
    void aServedCallIsObservedWithoutFallback() {
        await(service.quoteRates(RATE_REQUEST));

        assertThat(seen).containsExactly("aramex QUOTE_RATES SUCCESS");
    }

    @Test
    void aFaultThatFallsBackIsObservedAsTwoCallsAndOneFallback() {
        aramex.thenFail(() -> fault(CarrierId.ARAMEX, Reason.TIMEOUT));

        await(service.quoteRates(RATE_REQUEST));

        assertThat(seen)
                .containsExactly(
                        "aramex QUOTE_RATES TIMEOUT",
                        "fallback QUOTE_RATES aramex -> smsa",
                        "smsa QUOTE_RATES SUCCESS");
    }

    @Test
    void aRejectionStopsTheChainAndIsNoFallback() {
        aramex.thenFail(() -> rejected(CarrierId.ARAMEX));

        catchThrowable(() -> await(service.quoteRates(RATE_REQUEST)));

        assertThat(seen).containsExactly("aramex QUOTE_RATES REJECTED");
    }

    @Test
    void theLastCarrierFailingIsNoFallback() {
        aramex.thenFail(() -> fault(CarrierId.ARAMEX, Reason.SERVER_ERROR));
        smsa.thenFail(() -> fault(CarrierId.SMSA, Reason.SERVER_ERROR));

        catchThrowable(() -> await(service.quoteRates(RATE_REQUEST)));

        assertThat(seen)
                .containsExactly(
                        "aramex QUOTE_RATES SERVER_ERROR",
                        "fallback QUOTE_RATES aramex -> smsa",
                        "smsa QUOTE_RATES SERVER_ERROR");
    }
}
