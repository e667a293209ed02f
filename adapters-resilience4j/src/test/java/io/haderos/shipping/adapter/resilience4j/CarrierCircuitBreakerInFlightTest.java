package io.haderos.shipping.adapter.resilience4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.RateQuote;
import io.haderos.shipping.domain.policy.CarrierOperation;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import io.haderos.shipping.domain.testing.Requests;
import io.haderos.shipping.domain.testing.ScriptedCarrier;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md#slowness-and-hangs for one breaker: slow calls counted while in flight, late results of an earlier window ignored, the
 * bulkhead, and shipments that are never trials. Calls are held open by a scripted carrier and time moves only when
 * the test moves the scheduler (and its clock).
 */
class CarrierCircuitBreakerInFlightTest extends BreakerBench {

    private CompletableFuture<List<RateQuote>> quote() {
        return guarded.quoteRatesAsync(REQUEST);
    }

    private CompletableFuture<CreatedShipment> ship() {
        return guarded.createShipmentAsync(Requests.shipment("ORD-1"));
    }

    private void openWithFaults() {
        for (int i = 0; i < 3; i++) {
            carrier.thenFail(() -> new CarrierUnavailableException(ARAMEX, Reason.SERVER_ERROR, "HTTP 500"));
            quote();
        }
        assertThat(breaker.snapshot().state()).isEqualTo(CircuitState.OPEN);
    }

    private static Reason reasonOf(CompletableFuture<?> call) {
        Throwable failure = catchThrowable(call::join);
        assertThat(failure).isInstanceOf(CompletionException.class);
        assertThat(failure.getCause()).isInstanceOf(CarrierUnavailableException.class);
        return ((CarrierUnavailableException) failure.getCause()).reason();
    }

    @Nested
    class SlowCalls {

        @Test
        void givenThreeHungQuotes_whenTheyCrossThreeSeconds_thenTheBreakerOpensWhileTheyAreStillInFlight() {
            carrier.hang();
            List<CompletableFuture<List<RateQuote>>> calls = List.of(quote(), quote(), quote());

            scheduler.advance(Duration.ofMillis(2_999));
            assertThat(breaker.snapshot().state()).isEqualTo(CircuitState.CLOSED);
            assertThat(calls).allMatch(call -> !call.isDone());

            scheduler.advance(Duration.ofMillis(1));

            assertThat(breaker.snapshot().state()).isEqualTo(CircuitState.OPEN);
            assertThat(calls).allSatisfy(call -> assertThat(reasonOf(call)).isEqualTo(Reason.SLOW));
            assertThat(transitions)
                    .singleElement()
                    .satisfies(t -> assertThat(t.cause())
                            .contains("3 consecutive failures")
                            .contains("slow"));
            assertThat(breaker.slowCalls(CarrierOperation.QUOTE_RATES)).isEqualTo(3);
            assertThat(carrier.stillHeld()).as("the calls themselves run on").hasSize(3);
            assertThat(breaker.callsInFlight()).isEqualTo(3);
        }

        @Test
        void givenAQuoteCountedSlow_whenItAnswersLate_thenItsEndCountsNothingMore() {
            carrier.thenHold();
            CompletableFuture<List<RateQuote>> call = quote();
            scheduler.advance(Duration.ofSeconds(3));
            assertThat(breaker.snapshot().failureCount()).isEqualTo(1);

            carrier.held().get(0).succeed();

            assertThat(reasonOf(call)).isEqualTo(Reason.SLOW);
            assertThat(breaker.snapshot().failureCount()).isEqualTo(1);
            assertThat(breaker.snapshot().successCount()).isZero();
            assertThat(breaker.callsInFlight()).isZero();
        }

        @Test
        void givenAShipmentCountedSlowAtEightSeconds_whenItSucceedsLater_thenItsCallerGetsTheShipment() {
            carrier.thenHold();
            CompletableFuture<CreatedShipment> call = ship();

            scheduler.advance(Duration.ofSeconds(3));
            assertThat(breaker.snapshot().failureCount())
                    .as("quotes' 3 s do not apply to shipments")
                    .isZero();
            scheduler.advance(Duration.ofSeconds(5));
            assertThat(breaker.snapshot().failureCount()).isEqualTo(1);
            assertThat(call).as("a shipment's caller waits for its own outcome").isNotDone();

            carrier.held().get(0).succeed();

            assertThat(call.join().trackingNumber()).startsWith("ARAMEX-");
            assertThat(breaker.snapshot().failureCount()).isEqualTo(1);
            assertThat(breaker.slowCalls(CarrierOperation.CREATE_SHIPMENT)).isEqualTo(1);
        }

        @Test
        void givenHalfOpen_whenTheTrialHangs_thenTheBreakerReopensWhenItCrossesTheThreshold() {
            openWithFaults();
            clock.advanceSeconds(120);
            carrier.thenHold();
            quote();
            assertThat(breaker.snapshot().state()).isEqualTo(CircuitState.HALF_OPEN);

            scheduler.advance(Duration.ofSeconds(3));

            assertThat(breaker.snapshot().state()).isEqualTo(CircuitState.OPEN);
            assertThat(transitions.get(transitions.size() - 1).cause()).startsWith("trial call failed: slow");
        }

        @Test
        void givenCallsThatAnswerInTime_whenTimePasses_thenNothingIsCountedSlow() {
            for (int i = 0; i < 50; i++) {
                quote().join();
                scheduler.advance(Duration.ofMillis(100));
            }
            scheduler.advance(Duration.ofMinutes(1));

            assertThat(breaker.slowCalls(CarrierOperation.QUOTE_RATES)).isZero();
            assertThat(breaker.snapshot().successCount()).isEqualTo(50);
            assertThat(scheduler.pending()).as("no timer is left armed").isZero();
        }

        @Test
        void givenTheSynchronousPath_whenACallSucceedsAfterItsThreshold_thenItCountsAsAFaultButReturnsItsResult() {
            String result = breaker.call(CarrierOperation.QUOTE_RATES, () -> {
                clock.advanceSeconds(4);
                return "late quote";
            });

            assertThat(result).isEqualTo("late quote");
            assertThat(breaker.snapshot().failureCount()).isEqualTo(1);
            assertThat(breaker.slowCalls(CarrierOperation.QUOTE_RATES)).isEqualTo(1);
        }
    }

    @Nested
    class LateResults {

        @Test
        void givenATrialOfAnEarlierHalfOpenWindow_whenItFailsLate_thenTheCurrentWindowIsUntouched() {
            useSettings(new CircuitBreakerSettings(3, Duration.ofSeconds(5), 2)
                    .withSlowCallThresholds(new SlowCallThresholds(
                            Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60))));
            openWithFaults();
            clock.advanceSeconds(5);
            carrier.thenHold();
            quote(); // trial 1 of the first half-open window, hanging
            carrier.thenFail(() -> new CarrierUnavailableException(ARAMEX, Reason.SERVER_ERROR, "HTTP 500"));
            quote(); // trial 2 fails: open again
            clock.advanceSeconds(5);
            carrier.thenHold();
            quote(); // the first trial of the second half-open window
            assertThat(breaker.snapshot().state()).isEqualTo(CircuitState.HALF_OPEN);
            int transitionsSoFar = transitions.size();

            carrier.held().get(0).fail(new CarrierUnavailableException(ARAMEX, Reason.TIMEOUT, "no reply in 10 s"));

            assertThat(breaker.snapshot().state()).isEqualTo(CircuitState.HALF_OPEN);
            assertThat(transitions).hasSize(transitionsSoFar);
            carrier.held().get(1).succeed();
            quote();
            assertThat(breaker.snapshot().state()).isEqualTo(CircuitState.CLOSED);
        }

        @Test
        void givenQuotesInFlightWhenTheBreakerOpens_whenTheySucceedLater_thenTheOpenBreakerCountsNothing() {
            carrier.thenHold().thenHold();
            quote();
            quote();
            openWithFaults();

            carrier.stillHeld().forEach(ScriptedCarrier.Held::succeed);

            assertThat(breaker.snapshot().state()).isEqualTo(CircuitState.OPEN);
            assertThat(breaker.snapshot().successCount()).isZero();
            assertThat(breaker.snapshot().failureCount()).isEqualTo(3);
        }
    }

    @Nested
    class Bulkhead {

        @Test
        void givenTwoCallsInFlightOfTwo_whenAThirdComes_thenItIsNotSentFailsBusyAndCountsNothing() {
            useSettings(CircuitBreakerSettings.DEFAULTS.withMaxConcurrentCalls(2));
            carrier.thenHold().thenHold();
            quote();
            ship();

            CompletableFuture<List<RateQuote>> third = quote();

            assertThat(reasonOf(third)).isEqualTo(Reason.BUSY);
            assertThat(carrier.calls()).isEqualTo(2);
            assertThat(breaker.snapshot().failureCount()).isZero();
            assertThat(breaker.snapshot().successCount()).isZero();
            assertThat(breaker.busyRefusals(CarrierOperation.QUOTE_RATES)).isEqualTo(1);
            assertThat(breaker.callsInFlight()).isEqualTo(2);

            carrier.held().get(0).succeed();
            assertThat(quote()).isCompleted();
        }

        @Test
        void givenHalfOpenAndAFullBulkhead_whenABusyCallIsRefused_thenItsTrialPermitIsGivenBack() {
            useSettings(CircuitBreakerSettings.DEFAULTS.withMaxConcurrentCalls(1));
            openWithFaults();
            clock.advanceSeconds(120);
            carrier.thenHold();
            quote(); // trial 1, holding the only bulkhead slot

            assertThat(reasonOf(quote())).isEqualTo(Reason.BUSY);

            carrier.held().get(0).succeed();
            quote().join(); // trial 2: it would be refused had the busy call kept its permit
            assertThat(breaker.snapshot().state()).isEqualTo(CircuitState.CLOSED);
        }
    }

    @Nested
    class ShipmentsAreNeverTrials {

        @Test
        void givenOpenWithTheTrialDue_whenAShipmentComes_thenItIsNotSentAndTheBreakerWaitsForASafeCall() {
            openWithFaults();
            clock.advanceSeconds(120);
            int callsSoFar = carrier.calls();

            CompletableFuture<CreatedShipment> shipment = ship();

            assertThat(reasonOf(shipment)).isEqualTo(Reason.CIRCUIT_OPEN);
            assertThat(carrier.calls()).isEqualTo(callsSoFar);
            assertThat(breaker.snapshot().state()).isEqualTo(CircuitState.OPEN);
            assertThat(breaker.snapshot().shouldAttemptReset()).isTrue();
            assertThat(catchThrowable(shipment::join).getCause())
                    .isInstanceOfSatisfying(
                            CarrierUnavailableException.class,
                            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(1)));

            quote().join();
            assertThat(breaker.snapshot().state()).isEqualTo(CircuitState.HALF_OPEN);
        }

        @Test
        void givenHalfOpen_whenAShipmentComes_thenItIsRefusedUntilTheTrialsCloseTheBreaker() {
            openWithFaults();
            clock.advanceSeconds(120);
            quote().join();

            assertThat(reasonOf(ship())).isEqualTo(Reason.CIRCUIT_OPEN);

            quote().join();
            assertThat(breaker.snapshot().state()).isEqualTo(CircuitState.CLOSED);
            assertThat(ship().join().trackingNumber()).startsWith("ARAMEX-");
        }

        @Test
        void givenOpenBeforeItsTrial_whenAShipmentComes_thenItWaitsForTheTrialAndASecondMore() {
            openWithFaults();
            clock.advanceSeconds(100);

            Throwable failure = catchThrowable(ship()::join).getCause();

            assertThat(failure)
                    .isInstanceOfSatisfying(
                            CarrierUnavailableException.class,
                            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(21)));
        }
    }
}
