package io.haderos.shipping.adapter.resilience4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import io.haderos.shipping.domain.policy.CarrierOperation;
import io.haderos.shipping.domain.port.out.CarrierConfigurationException;
import io.haderos.shipping.domain.port.out.CarrierMessage;
import io.haderos.shipping.domain.port.out.CarrierRejectedException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import io.haderos.shipping.domain.testing.Requests;
import io.haderos.shipping.domain.testing.ScriptedCarrier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** docs/architecture.md#circuit-breaker, row by row, with a clock the test moves. Defaults: N = 3, T = 120 s, M = 2. */
class CarrierCircuitBreakerTest extends BreakerBench {

    private static CarrierUnavailableException timeout() {
        return new CarrierUnavailableException(ARAMEX, Reason.TIMEOUT, "no answer within 10 s");
    }

    private static CarrierRejectedException rejected() {
        return new CarrierRejectedException(ARAMEX, List.of(new CarrierMessage("ERR52", "City name is invalid")));
    }

    private void fault() {
        carrier.thenFail(CarrierCircuitBreakerTest::timeout);
        assertThatThrownBy(() -> guarded.quoteRates(REQUEST)).isInstanceOf(CarrierUnavailableException.class);
    }

    private void success() {
        carrier.thenSucceed();
        assertThat(guarded.quoteRates(REQUEST)).isNotEmpty();
    }

    private void callerFault() {
        carrier.thenFail(CarrierCircuitBreakerTest::rejected);
        assertThatThrownBy(() -> guarded.quoteRates(REQUEST)).isInstanceOf(CarrierRejectedException.class);
    }

    private void openIt() {
        fault();
        fault();
        fault();
        assertThat(breaker.snapshot().state()).isEqualTo(CircuitState.OPEN);
    }

    private CircuitSnapshot snapshot() {
        return breaker.snapshot();
    }

    @Nested
    class Closed {

        @Test
        void givenClosed_whenThreeConsecutiveFaults_thenOpensWithItsCause() {
            fault();
            fault();
            assertThat(snapshot().state()).isEqualTo(CircuitState.CLOSED);
            assertThat(snapshot().failureCount()).isEqualTo(2);

            fault();

            assertThat(snapshot().state()).isEqualTo(CircuitState.OPEN);
            assertThat(snapshot().failureCount()).isEqualTo(3);
            assertThat(transitions).singleElement().satisfies(t -> {
                assertThat(t.from()).isEqualTo(CircuitState.CLOSED);
                assertThat(t.to()).isEqualTo(CircuitState.OPEN);
                assertThat(t.cause()).contains("3 consecutive failures").contains("timeout");
                assertThat(t.sequence()).isEqualTo(1);
                assertThat(t.failureCount()).isEqualTo(3);
                assertThat(t.at()).isEqualTo(clock.instant());
                assertThat(t.actor()).isEmpty();
            });
        }

        @Test
        void givenClosed_whenFaultFaultSuccessFaultFault_thenStaysClosed() {
            fault();
            fault();
            success();
            assertThat(snapshot().failureCount()).isZero();
            assertThat(snapshot().successCount()).isEqualTo(1);
            fault();
            fault();

            assertThat(snapshot().state()).isEqualTo(CircuitState.CLOSED);
            assertThat(snapshot().failureCount()).isEqualTo(2);
            assertThat(snapshot().successCount()).isZero();
            assertThat(transitions).isEmpty();
        }

        @Test
        void givenClosed_whenFault_thenLastFailureTimeIsRecorded() {
            assertThat(snapshot().lastFailureTime()).isEmpty();
            assertThat(snapshot().timeSinceLastFailure()).isZero();

            fault();
            Instant failedAt = clock.instant();
            clock.advanceSeconds(42);

            assertThat(snapshot().lastFailureTime()).contains(failedAt);
            assertThat(snapshot().timeSinceLastFailure()).isEqualTo(Duration.ofSeconds(42));
        }

        @Test
        void givenTwoFaults_whenCallerFaultsFollow_thenNeitherCountedNorReset() {
            fault();
            fault();

            callerFault();
            callerFault();
            callerFault();

            assertThat(snapshot().state()).isEqualTo(CircuitState.CLOSED);
            assertThat(snapshot().failureCount()).isEqualTo(2);
            fault();
            assertThat(snapshot().state()).isEqualTo(CircuitState.OPEN);
        }

        @Test
        void givenSuccesses_whenCallerFault_thenSuccessCountUnchanged() {
            success();
            success();

            callerFault();

            assertThat(snapshot().successCount()).isEqualTo(2);
            assertThat(snapshot().failureCount()).isZero();
        }

        @Test
        void givenClosed_whenConfigurationFaults_thenNotCounted() {
            for (int i = 0; i < 5; i++) {
                carrier.thenFail(() -> new CarrierConfigurationException(ARAMEX, "invalid username or password"));
                assertThatThrownBy(() -> guarded.quoteRates(REQUEST)).isInstanceOf(CarrierConfigurationException.class);
            }

            assertThat(snapshot().state()).isEqualTo(CircuitState.CLOSED);
            assertThat(snapshot().failureCount()).isZero();
            assertThat(snapshot().configurationFault())
                    .hasValueSatisfying(fault -> assertThat(fault.detail()).contains("invalid username or password"));

            success();
            assertThat(snapshot().configurationFault()).isEmpty();
        }

        @Test
        void givenClosed_whenTheCarrierThrowsSomethingUnexpected_thenItCountsAsAFault() {
            carrier.thenFail(() -> new IllegalStateException("adapter bug"));

            assertThatThrownBy(() -> guarded.quoteRates(REQUEST)).isInstanceOf(IllegalStateException.class);

            assertThat(snapshot().failureCount()).isEqualTo(1);
        }
    }

    @Nested
    class Open {

        @Test
        void givenOpen_whenCalledBeforeT_thenRejectedWithoutReachingTheCarrier() {
            openIt();
            int callsSoFar = carrier.calls();
            clock.advanceSeconds(30);

            Throwable thrown = catchThrowable(() -> guarded.quoteRates(REQUEST));

            assertThat(carrier.calls()).isEqualTo(callsSoFar);
            assertThat(thrown).isInstanceOfSatisfying(CarrierUnavailableException.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.CIRCUIT_OPEN);
                assertThat(e.retryAfter()).contains(Duration.ofSeconds(90));
                assertThat(e.getMessage()).contains("circuit open").contains("90 s");
            });
        }

        @Test
        void givenOpen_whenTimePasses_thenShouldAttemptResetFlipsAtExactlyT() {
            openIt();

            clock.advance(Duration.ofSeconds(120).minusMillis(1));
            assertThat(snapshot().shouldAttemptReset()).isFalse();
            assertThat(snapshot().retryAfter()).contains(Duration.ofMillis(1));

            clock.advance(Duration.ofMillis(1));
            assertThat(snapshot().shouldAttemptReset()).isTrue();
            assertThat(snapshot().state()).isEqualTo(CircuitState.OPEN);
            assertThat(snapshot().retryAfter()).contains(Duration.ZERO);
        }

        @Test
        void givenOpenAndTElapsed_whenNextCall_thenItIsTheTrialAndGoesThrough() {
            openIt();
            int callsSoFar = carrier.calls();
            clock.advanceSeconds(120);

            success();

            assertThat(carrier.calls()).isEqualTo(callsSoFar + 1);
            assertThat(snapshot().state()).isEqualTo(CircuitState.HALF_OPEN);
            assertThat(transitions)
                    .extracting(CircuitStateChanged::to)
                    .containsExactly(CircuitState.OPEN, CircuitState.HALF_OPEN);
            assertThat(transitions.get(1).cause()).contains("recovery timeout of 120 s elapsed");
        }
    }

    @Nested
    class HalfOpen {

        private void halfOpen() {
            openIt();
            clock.advanceSeconds(120);
        }

        @Test
        void givenHalfOpen_whenTwoConsecutiveSuccesses_thenCloses() {
            halfOpen();

            success();
            assertThat(snapshot().state()).isEqualTo(CircuitState.HALF_OPEN);
            success();

            assertThat(snapshot().state()).isEqualTo(CircuitState.CLOSED);
            assertThat(snapshot().failureCount()).isZero();
            assertThat(snapshot().successCount()).isEqualTo(2);
            assertThat(transitions)
                    .extracting(CircuitStateChanged::to)
                    .containsExactly(CircuitState.OPEN, CircuitState.HALF_OPEN, CircuitState.CLOSED);
            assertThat(transitions.get(2).cause()).contains("2 consecutive successful trial calls");
        }

        @Test
        void givenHalfOpen_whenATrialFails_thenReopensAtOnceAndRestartsTheTimer() {
            halfOpen();
            success();

            clock.advanceSeconds(5);
            fault();

            assertThat(snapshot().state()).isEqualTo(CircuitState.OPEN);
            assertThat(snapshot().retryAfter()).contains(Duration.ofSeconds(120));
            assertThat(transitions.get(transitions.size() - 1)).satisfies(t -> {
                assertThat(t.from()).isEqualTo(CircuitState.HALF_OPEN);
                assertThat(t.to()).isEqualTo(CircuitState.OPEN);
                assertThat(t.cause()).startsWith("trial call failed");
            });
            clock.advanceSeconds(119);
            assertThat(snapshot().shouldAttemptReset()).isFalse();
            clock.advanceSeconds(1);
            assertThat(snapshot().shouldAttemptReset()).isTrue();
        }

        @Test
        void givenHalfOpen_whenTheFirstTrialFails_thenReopens() {
            halfOpen();

            fault();

            assertThat(snapshot().state()).isEqualTo(CircuitState.OPEN);
        }

        @Test
        void givenHalfOpen_whenMoreCallsThanPermittedArriveBeforeAnyCompletes_thenTheExtraOnesFailFast() {
            halfOpen();
            int callsSoFar = carrier.calls();
            carrier.thenHold().thenHold();
            CompletableFuture<?> first = guarded.quoteRatesAsync(REQUEST);
            CompletableFuture<?> second = guarded.quoteRatesAsync(REQUEST);

            Throwable third = catchThrowable(() -> guarded.quoteRates(REQUEST));

            assertThat(carrier.calls()).isEqualTo(callsSoFar + 2);
            assertThat(third)
                    .isInstanceOfSatisfying(
                            CarrierUnavailableException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.CIRCUIT_OPEN));
            carrier.stillHeld().forEach(ScriptedCarrier.Held::succeed);
            assertThat(first).isCompleted();
            assertThat(second).isCompleted();
            assertThat(snapshot().state()).isEqualTo(CircuitState.CLOSED);
        }

        @Test
        void givenHalfOpen_whenCallerFault_thenNeitherTrialSuccessNorFailure() {
            halfOpen();
            success();

            callerFault();

            assertThat(snapshot().state()).isEqualTo(CircuitState.HALF_OPEN);
            assertThat(snapshot().successCount()).isEqualTo(1);
            success();
            assertThat(snapshot().state()).isEqualTo(CircuitState.CLOSED);
        }
    }

    @Nested
    class Settings {

        @Test
        void givenFiveFaultThreshold_whenFourFaults_thenClosed_andFifthOpens() {
            useSettings(new CircuitBreakerSettings(5, Duration.ofSeconds(30), 1));

            for (int i = 0; i < 4; i++) {
                fault();
            }
            assertThat(snapshot().state()).isEqualTo(CircuitState.CLOSED);
            fault();
            assertThat(snapshot().state()).isEqualTo(CircuitState.OPEN);

            clock.advanceSeconds(30);
            success();
            assertThat(snapshot().state()).isEqualTo(CircuitState.CLOSED);
        }

        @Test
        void givenOutOfRangeValues_whenCreatingSettings_thenTheSettingIsNamed() {
            assertThatThrownBy(() -> new CircuitBreakerSettings(0, Duration.ofSeconds(1), 1))
                    .hasMessageContaining("failure-threshold");
            assertThatThrownBy(() -> new CircuitBreakerSettings(1, Duration.ZERO, 1))
                    .hasMessageContaining("recovery-timeout");
            assertThatThrownBy(() -> new CircuitBreakerSettings(1, Duration.ofSeconds(1), -2))
                    .hasMessageContaining("success-threshold");
        }
    }

    @Nested
    class OperatorOverrides {

        @Test
        void givenClosed_whenForcedOpen_thenCallsFailFastAndTheTransitionNamesTheActor() {
            breaker.forceOpen("ops@haderos.io", "Aramex maintenance window");

            Throwable thrown = catchThrowable(() -> guarded.quoteRates(REQUEST));

            assertThat(carrier.calls()).isZero();
            assertThat(thrown).isInstanceOf(CarrierUnavailableException.class);
            assertThat(snapshot().state()).isEqualTo(CircuitState.FORCED_OPEN);
            assertThat(transitions).singleElement().satisfies(t -> {
                assertThat(t.actor()).contains("ops@haderos.io");
                assertThat(t.cause()).contains("Aramex maintenance window");
            });
        }

        @Test
        void givenOpen_whenClosedByAnOperator_thenCountsAreClearedAndCallsFlow() {
            openIt();

            breaker.close("ops@haderos.io", "carrier confirmed recovery");

            assertThat(snapshot().state()).isEqualTo(CircuitState.CLOSED);
            assertThat(snapshot().failureCount()).isZero();
            success();
        }

        @Test
        void givenClosedWithFaultsCounted_whenResetByAnOperator_thenCountsAreClearedAndTheResetIsPublished() {
            fault();
            fault();

            breaker.close("ops@haderos.io", "false alarm");

            assertThat(snapshot().state()).isEqualTo(CircuitState.CLOSED);
            assertThat(snapshot().failureCount()).isZero();
            assertThat(transitions).singleElement().satisfies(t -> {
                assertThat(t.from()).isEqualTo(CircuitState.CLOSED);
                assertThat(t.to()).isEqualTo(CircuitState.CLOSED);
                assertThat(t.actor()).contains("ops@haderos.io");
                assertThat(t.cause()).isEqualTo("operator override: false alarm");
                assertThat(t.sequence()).isEqualTo(1);
            });
            fault();
            fault();
            assertThat(snapshot().state()).as("the count restarted from zero").isEqualTo(CircuitState.CLOSED);
        }

        @Test
        void givenForcedOpenWithoutAnEnd_thenNoTrialIsEverPromised() {
            breaker.forceOpen("nora", "Aramex maintenance");
            clock.advanceSeconds(600);

            Throwable thrown = catchThrowable(() -> guarded.quoteRates(REQUEST));

            assertThat(thrown).isInstanceOfSatisfying(CarrierUnavailableException.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.CIRCUIT_OPEN);
                assertThat(e.retryAfter())
                        .as("nothing will let calls through on its own")
                        .isEmpty();
                assertThat(e.getMessage())
                        .contains("held open by an operator")
                        .doesNotContain("trial")
                        .doesNotContain("120 s");
            });
            assertThat(snapshot().retryAfter()).isEmpty();
            assertThat(snapshot().retryAfter(CarrierOperation.CREATE_SHIPMENT)).isEmpty();
            assertThat(snapshot().shouldAttemptReset()).isFalse();
            assertThat(snapshot().override()).hasValueSatisfying(order -> {
                assertThat(order.actor()).isEqualTo("nora");
                assertThat(order.reason()).isEqualTo("Aramex maintenance");
                assertThat(order.until()).isEmpty();
            });
        }

        @Test
        void givenForcedOpenUntilAnInstant_thenRefusalsAndSnapshotsCountDownToIt() {
            Instant until = clock.instant().plusSeconds(3600);
            breaker.forceOpen("nora", "Aramex maintenance", Optional.of(until));
            clock.advanceSeconds(600);

            Throwable quote = catchThrowable(() -> guarded.quoteRates(REQUEST));
            carrier.thenSucceed();
            Throwable ship = catchThrowable(() -> guarded.createShipment(Requests.shipment("ORD-1")));

            assertThat(quote).isInstanceOfSatisfying(CarrierUnavailableException.class, e -> {
                assertThat(e.retryAfter()).contains(Duration.ofSeconds(3000));
                assertThat(e.getMessage()).contains("until " + until).doesNotContain("trial");
            });
            assertThat(ship)
                    .as("a shipment waits for the end of the order, not for a trial")
                    .isInstanceOfSatisfying(
                            CarrierUnavailableException.class,
                            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(3000)));
            assertThat(snapshot().retryAfter()).contains(Duration.ofSeconds(3000));
            assertThat(snapshot().override())
                    .map(order -> order.until().orElseThrow())
                    .contains(until);
            assertThat(transitions)
                    .singleElement()
                    .satisfies(t -> assertThat(t.cause())
                            .isEqualTo("operator override until " + until + ": Aramex maintenance"));
            assertThat(carrier.calls()).isZero();
        }

        @Test
        void givenForcedOpen_whenForcedOpenAgainWithANewEnd_thenTheNewOrderIsPublishedAndShown() {
            breaker.forceOpen("nora", "Aramex maintenance");
            Instant until = clock.instant().plusSeconds(1800);

            breaker.forceOpen("omar", "window agreed with Aramex", Optional.of(until));

            assertThat(transitions).hasSize(2);
            assertThat(transitions.get(1)).satisfies(t -> {
                assertThat(t.from()).isEqualTo(CircuitState.FORCED_OPEN);
                assertThat(t.to()).isEqualTo(CircuitState.FORCED_OPEN);
                assertThat(t.actor()).contains("omar");
                assertThat(t.sequence()).isEqualTo(2);
            });
            assertThat(snapshot().override()).hasValueSatisfying(order -> {
                assertThat(order.actor()).isEqualTo("omar");
                assertThat(order.until()).contains(until);
            });
        }

        @Test
        void givenForcedOpen_whenClosed_thenNoOrderHoldsTheBreakerAnyMore() {
            breaker.forceOpen(
                    "nora", "Aramex maintenance", Optional.of(clock.instant().plusSeconds(60)));

            breaker.close("maintenance-window", "maintenance window ended");

            assertThat(snapshot().state()).isEqualTo(CircuitState.CLOSED);
            assertThat(snapshot().override()).isEmpty();
            assertThat(snapshot().retryAfter()).contains(Duration.ZERO);
            success();
        }

        @Test
        void givenDisabled_whenFaults_thenNothingIsCountedAndCallsFlow() {
            breaker.disable("ops@haderos.io", "breaker misbehaving");

            for (int i = 0; i < 5; i++) {
                fault();
            }

            assertThat(snapshot().state()).isEqualTo(CircuitState.DISABLED);
            assertThat(snapshot().failureCount()).isZero();
            assertThat(carrier.calls()).isEqualTo(5);
        }
    }

    @Nested
    class UncountedCalls {

        @Test
        void givenHalfOpen_whenLocalCallsSucceed_thenTheyNeitherUseTrialsNorCloseTheBreaker() {
            openIt();
            clock.advanceSeconds(120);
            success();

            breaker.callUncounted(CarrierOperation.QUOTE_RATES, () -> "local quote");
            breaker.callUncounted(CarrierOperation.QUOTE_RATES, () -> "local quote");

            assertThat(snapshot().state()).isEqualTo(CircuitState.HALF_OPEN);
            assertThat(snapshot().successCount()).isEqualTo(1);
        }

        @Test
        void givenOpen_whenALocalCallIsMade_thenRefusedLikeAnyOther() {
            openIt();

            Throwable thrown =
                    catchThrowable(() -> breaker.callUncounted(CarrierOperation.QUOTE_RATES, () -> "local quote"));

            assertThat(thrown)
                    .isInstanceOfSatisfying(
                            CarrierUnavailableException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.CIRCUIT_OPEN));
        }

        @Test
        void givenTwoFaults_whenALocalCallSucceeds_thenTheFailureCountIsNotReset() {
            fault();
            fault();

            breaker.callUncounted(CarrierOperation.QUOTE_RATES, () -> "local quote");
            fault();

            assertThat(snapshot().state()).isEqualTo(CircuitState.OPEN);
        }
    }

    @Test
    void givenManyTransitions_thenSequenceIncreasesByOneWithoutGaps() {
        for (int round = 0; round < 3; round++) {
            openIt();
            clock.advanceSeconds(120);
            success();
            success();
        }

        assertThat(transitions)
                .extracting(CircuitStateChanged::sequence)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    }

    @Test
    void givenAListenerThatThrows_whenTheBreakerOpens_thenTheCallerStillGetsTheCarrierFailure() {
        carrier = new ScriptedCarrier(ARAMEX);
        breaker = CarrierCircuitBreaker.create(
                ARAMEX,
                CircuitBreakerSettings.DEFAULTS,
                clock,
                event -> {
                    throw new IllegalStateException("listener bug");
                },
                scheduler);
        guarded = new GuardedCarrier(breaker, carrier);

        fault();
        fault();
        fault();

        assertThat(snapshot().state()).isEqualTo(CircuitState.OPEN);
    }
}
