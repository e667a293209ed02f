package io.haderos.shipping.application.service;

import static io.haderos.shipping.application.service.Fixtures.RATE_REQUEST;
import static io.haderos.shipping.application.service.Fixtures.fault;
import static io.haderos.shipping.domain.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.haderos.shipping.application.port.in.NoCarrierAvailableException;
import io.haderos.shipping.application.port.in.RateQuotation;
import io.haderos.shipping.application.port.out.CarrierCallObserver;
import io.haderos.shipping.domain.model.Attempt;
import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.policy.CarrierOperation;
import io.haderos.shipping.domain.policy.FallbackPolicy;
import io.haderos.shipping.domain.policy.HedgeDelay;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import io.haderos.shipping.domain.testing.ManualScheduler;
import io.haderos.shipping.domain.testing.MutableClock;
import io.haderos.shipping.domain.testing.ScriptedCarrier;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** docs/architecture.md#slowness-and-hangs, hedged quotes: after the hedge delay without an answer, the next carrier is asked as well. */
class QuoteRatesHedgingTest {

    private static final Duration H = Duration.ofMillis(200);

    private final MutableClock clock = MutableClock.at("2026-01-05T10:00:00Z");
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final ScriptedCarrier aramex = new ScriptedCarrier(CarrierId.ARAMEX);
    private final ScriptedCarrier smsa = new ScriptedCarrier(CarrierId.SMSA);
    private final List<String> hedges = new CopyOnWriteArrayList<>();
    private final QuoteRatesService service = new QuoteRatesService(
            List.of(aramex, smsa),
            new FallbackPolicy(),
            new CarrierCallObserver() {
                @Override
                public void called(
                        CarrierId carrier, CarrierOperation operation, AttemptOutcome outcome, Duration elapsed) {}

                @Override
                public void fellBack(CarrierOperation operation, CarrierId from, CarrierId to) {}

                @Override
                public void hedged(CarrierId from, CarrierId to, Optional<CarrierId> winner) {
                    hedges.add(from + "->" + to + " won by "
                            + winner.map(CarrierId::value).orElse("none"));
                }
            },
            Map.of(CarrierId.ARAMEX, HedgeDelay.fixed(H), CarrierId.SMSA, HedgeDelay.fixed(H)),
            scheduler);

    @Test
    void givenAramexSilentPastTheHedgeDelay_thenSmsaIsAskedTooAndItsQuoteAnswers_andAttemptsShowBoth() {
        aramex.thenHold();
        CompletionStage<RateQuotation> quote = service.quoteRates(RATE_REQUEST);

        scheduler.advance(H.minusMillis(1));
        assertThat(smsa.calls()).isZero();
        scheduler.advance(Duration.ofMillis(1));

        RateQuotation quotation = await(quote);
        assertThat(quotation.provider()).isEqualTo(CarrierId.SMSA);
        assertThat(quotation.fallback()).isTrue();
        assertThat(quotation.attempts())
                .extracting(Attempt::carrier, Attempt::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(CarrierId.ARAMEX, AttemptOutcome.HEDGED),
                        org.assertj.core.groups.Tuple.tuple(CarrierId.SMSA, AttemptOutcome.SUCCESS));
        assertThat(hedges).containsExactly("aramex->smsa won by smsa");

        aramex.held().get(0).succeed();
        assertThat(await(quote).provider())
                .as("the late answer changes nothing")
                .isEqualTo(CarrierId.SMSA);
    }

    @Test
    void givenAramexAnswersBeforeTheHedgeDelay_thenSmsaIsNeverAsked() {
        aramex.thenHold();
        CompletionStage<RateQuotation> quote = service.quoteRates(RATE_REQUEST);
        scheduler.advance(H.minusMillis(50));

        aramex.held().get(0).succeed();
        scheduler.advance(Duration.ofSeconds(5));

        assertThat(await(quote).provider()).isEqualTo(CarrierId.ARAMEX);
        assertThat(smsa.calls()).isZero();
        assertThat(scheduler.pending()).as("the hedge timer was cancelled").isZero();
        assertThat(hedges).isEmpty();
    }

    @Test
    void givenBothAsked_whenAramexAnswersFirst_thenAramexServesAndSmsaWasOvertaken() {
        aramex.thenHold();
        smsa.thenHold();
        CompletionStage<RateQuotation> quote = service.quoteRates(RATE_REQUEST);
        scheduler.advance(H);
        assertThat(smsa.calls()).isEqualTo(1);

        aramex.held().get(0).succeed();

        RateQuotation quotation = await(quote);
        assertThat(quotation.provider()).isEqualTo(CarrierId.ARAMEX);
        assertThat(quotation.fallback()).isFalse();
        assertThat(quotation.attempts())
                .extracting(Attempt::outcome)
                .containsExactly(AttemptOutcome.SUCCESS, AttemptOutcome.HEDGED);
        assertThat(hedges).containsExactly("aramex->smsa won by aramex");
    }

    @Test
    void givenBothAsked_whenSmsaFails_thenTheQuoteWaitsForAramex_andItsSlowFaultEndsIt() {
        aramex.thenHold();
        smsa.thenFail(() -> fault(CarrierId.SMSA, Reason.SERVICE_UNAVAILABLE));
        CompletionStage<RateQuotation> quote = service.quoteRates(RATE_REQUEST);
        scheduler.advance(H);
        assertThat(quote.toCompletableFuture()).isNotDone();

        aramex.held().get(0).fail(CarrierUnavailableException.slow(CarrierId.ARAMEX, Duration.ofSeconds(3)));

        Throwable thrown = catchThrowable(() -> await(quote));
        assertThat(thrown)
                .isInstanceOfSatisfying(
                        NoCarrierAvailableException.class,
                        e -> assertThat(e.attempts())
                                .extracting(Attempt::outcome)
                                .containsExactly(AttemptOutcome.SLOW, AttemptOutcome.SERVICE_UNAVAILABLE));
    }

    @Test
    void givenAramexFailsFast_thenSmsaIsAskedAtOnce_withoutWaitingForTheHedgeDelay() {
        aramex.thenFail(() -> fault(CarrierId.ARAMEX, Reason.BUSY));

        RateQuotation quotation = await(service.quoteRates(RATE_REQUEST));

        assertThat(quotation.provider()).isEqualTo(CarrierId.SMSA);
        assertThat(quotation.attempts())
                .extracting(Attempt::outcome)
                .containsExactly(AttemptOutcome.BUSY, AttemptOutcome.SUCCESS);
        assertThat(hedges).isEmpty();
    }

    @Test
    void givenHedgingOff_whenAramexIsSilent_thenTheQuoteWaitsForIt() {
        QuoteRatesService unhedged = new QuoteRatesService(
                List.of(aramex, smsa),
                new FallbackPolicy(),
                CarrierCallObserver.none(),
                Map.of(CarrierId.ARAMEX, HedgeDelay.off()),
                scheduler);
        aramex.thenHold();
        CompletionStage<RateQuotation> quote = unhedged.quoteRates(RATE_REQUEST);

        scheduler.advance(Duration.ofSeconds(30));

        assertThat(smsa.calls()).isZero();
        assertThat(quote.toCompletableFuture()).isNotDone();
    }
}
