package io.haderos.shipping.application.service;

import static io.haderos.shipping.application.service.Fixtures.RATE_REQUEST;
import static io.haderos.shipping.application.service.Fixtures.circuitOpen;
import static io.haderos.shipping.application.service.Fixtures.fault;
import static io.haderos.shipping.application.service.Fixtures.rejected;
import static io.haderos.shipping.domain.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import io.haderos.shipping.application.port.in.NoCarrierAvailableException;
import io.haderos.shipping.application.port.in.RateQuotation;
import io.haderos.shipping.application.port.in.RequestRejectedException;
import io.haderos.shipping.application.port.out.CarrierCallObserver;
import io.haderos.shipping.domain.model.Attempt;
import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import io.haderos.shipping.domain.testing.ScriptedCarrier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class QuoteRatesServiceTest {

    private final ScriptedCarrier aramex = new ScriptedCarrier(CarrierId.ARAMEX);
    private final ScriptedCarrier smsa = new ScriptedCarrier(CarrierId.SMSA);
    private final QuoteRatesService service = Fixtures.quoteRates(List.of(aramex, smsa), CarrierCallObserver.none());

    @Test
    void givenAramexHealthy_thenAramexServesWithoutFallback() {
        RateQuotation quotation = await(service.quoteRates(RATE_REQUEST));

        assertThat(quotation.provider()).isEqualTo(CarrierId.ARAMEX);
        assertThat(quotation.fallback()).isFalse();
        assertThat(quotation.rates()).isNotEmpty();
        assertThat(quotation.attempts()).extracting(Attempt::outcome).containsExactly(AttemptOutcome.SUCCESS);
        assertThat(smsa.calls()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Reason.class)
    void givenAramexFault_thenSmsaServesAndTheAttemptSaysWhy(Reason reason) {
        CarrierUnavailableException failure =
                reason == Reason.CIRCUIT_OPEN ? circuitOpen(CarrierId.ARAMEX, 60) : fault(CarrierId.ARAMEX, reason);
        aramex.thenFail(() -> failure);

        RateQuotation quotation = await(service.quoteRates(RATE_REQUEST));

        assertThat(quotation.provider()).isEqualTo(CarrierId.SMSA);
        assertThat(quotation.fallback()).isTrue();
        assertThat(quotation.attempts())
                .extracting(Attempt::carrier, Attempt::outcome)
                .containsExactly(
                        tuple(CarrierId.ARAMEX, failure.outcome()), tuple(CarrierId.SMSA, AttemptOutcome.SUCCESS));
        assertThat(quotation.attempts().get(0).outcome().name().toLowerCase())
                .isEqualTo(reason.name().toLowerCase());
    }

    @Test
    void givenAramexRejectsTheContent_thenStopWithoutAskingSmsa() {
        aramex.thenFail(() -> rejected(CarrierId.ARAMEX));

        Throwable thrown = catchThrowable(() -> await(service.quoteRates(RATE_REQUEST)));

        assertThat(thrown).isInstanceOfSatisfying(RequestRejectedException.class, e -> {
            assertThat(e.rejection().messages()).extracting("code").containsExactly("ERR52");
            assertThat(e.attempts()).extracting(Attempt::outcome).containsExactly(AttemptOutcome.REJECTED);
        });
        assertThat(smsa.calls()).isZero();
    }

    @Test
    void givenEveryCarrierDown_thenNoCarrierAvailableWithTheEarliestTrial() {
        aramex.thenFail(() -> circuitOpen(CarrierId.ARAMEX, 90));
        smsa.thenFail(() -> circuitOpen(CarrierId.SMSA, 30));

        Throwable thrown = catchThrowable(() -> await(service.quoteRates(RATE_REQUEST)));

        assertThat(thrown).isInstanceOfSatisfying(NoCarrierAvailableException.class, e -> {
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
            assertThat(e.attempts()).hasSize(2);
        });
    }

    @Test
    void givenEveryCarrierFailingWithoutBreaker_thenNoRetryAfterIsKnown() {
        aramex.thenFail(() -> fault(CarrierId.ARAMEX, Reason.TIMEOUT));
        smsa.thenFail(() -> fault(CarrierId.SMSA, Reason.SERVER_ERROR));

        Throwable thrown = catchThrowable(() -> await(service.quoteRates(RATE_REQUEST)));

        assertThat(thrown)
                .isInstanceOfSatisfying(
                        NoCarrierAvailableException.class,
                        e -> assertThat(e.retryAfter()).isEmpty());
    }

    @Test
    void givenEveryCarrierHeldOpenByAnOperatorWithoutAnEnd_thenNoRetryAfterAndNoTrialIsPromised() {
        aramex.thenFail(
                () -> CarrierUnavailableException.heldOpen(CarrierId.ARAMEX, Optional.empty(), Optional.empty()));
        smsa.thenFail(() -> CarrierUnavailableException.heldOpen(CarrierId.SMSA, Optional.empty(), Optional.empty()));

        Throwable thrown = catchThrowable(() -> await(service.quoteRates(RATE_REQUEST)));

        assertThat(thrown).isInstanceOfSatisfying(NoCarrierAvailableException.class, e -> {
            assertThat(e.retryAfter()).as("nothing will try on its own").isEmpty();
            assertThat(e.attempts())
                    .extracting(Attempt::detail)
                    .allSatisfy(detail -> assertThat(detail)
                            .contains("held open by an operator")
                            .doesNotContain("trial"));
        });
    }

    @Test
    void givenOneCarrierHeldOpenUntilAnInstantAndTheOtherWithoutAnEnd_thenRetryAfterCountsToThatInstant() {
        Instant until = Instant.parse("2026-01-05T11:00:00Z");
        aramex.thenFail(() -> CarrierUnavailableException.heldOpen(
                CarrierId.ARAMEX, Optional.of(until), Optional.of(Duration.ofSeconds(3600))));
        smsa.thenFail(() -> CarrierUnavailableException.heldOpen(CarrierId.SMSA, Optional.empty(), Optional.empty()));

        Throwable thrown = catchThrowable(() -> await(service.quoteRates(RATE_REQUEST)));

        assertThat(thrown)
                .isInstanceOfSatisfying(
                        NoCarrierAvailableException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(3600)));
    }
}
