package io.haderos.shipping.benchmarks.jmh;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.haderos.shipping.adapter.resilience4j.CarrierCircuitBreaker;
import io.haderos.shipping.adapter.resilience4j.CircuitBreakerSettings;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.policy.CarrierOperation;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Every use the benchmarks make of the breakers' APIs, in one place: when {@link CarrierCircuitBreaker}'s call
 * signature changes (an operation argument, an asynchronous form), only this class needs to follow.
 */
final class BreakerCalls {

    /** The gateway's defaults: 3 faults open, 120 s before a trial, 2 trials close. */
    static final CircuitBreakerSettings SETTINGS = CircuitBreakerSettings.DEFAULTS;

    private BreakerCalls() {}

    /** A closed gateway breaker on the system clock, publishing its transitions nowhere. */
    static CarrierCircuitBreaker carrierBreaker() {
        return CarrierCircuitBreaker.create(CarrierId.ARAMEX, SETTINGS);
    }

    /** {@code call} through the gateway's breaker, synchronously, as a rate quote. */
    static <T> T call(CarrierCircuitBreaker breaker, Supplier<T> call) {
        return breaker.call(CarrierOperation.QUOTE_RATES, call);
    }

    /**
     * {@code call}, already answered, through the gateway's asynchronous path as a rate quote: admission, bulkhead,
     * slow-call tracking, counting and the caller's future.
     */
    static <T> T callAsync(CarrierCircuitBreaker breaker, Supplier<T> call) {
        return breaker.callAsync(CarrierOperation.QUOTE_RATES, () -> CompletableFuture.completedFuture(call.get()))
                .join();
    }

    /** {@code call}, already answered, through a raw resilience4j breaker's completion-stage decoration. */
    static <T> T callAsync(CircuitBreaker breaker, Supplier<T> call) {
        return breaker.executeCompletionStage(() -> CompletableFuture.completedFuture(call.get()))
                .toCompletableFuture()
                .join();
    }

    /** Opens the gateway breaker the way a carrier outage does: with consecutive carrier faults. */
    static CarrierCircuitBreaker open(CarrierCircuitBreaker breaker) {
        for (int i = 0; i < SETTINGS.failureThreshold(); i++) {
            try {
                call(breaker, () -> {
                    throw new CarrierUnavailableException(
                            CarrierId.ARAMEX, CarrierUnavailableException.Reason.SERVICE_UNAVAILABLE, "benchmark");
                });
            } catch (CarrierUnavailableException expected) {
                // counted as a fault
            }
        }
        return breaker;
    }

    /**
     * A raw resilience4j breaker configured as the gateway's: a COUNT_BASED window of N calls, minimum N calls, 100 %
     * failure-rate threshold, M permitted calls when half-open, the recovery timeout as wait, no automatic transition.
     */
    static CircuitBreaker rawBreaker() {
        return CircuitBreaker.of(
                "aramex-raw",
                CircuitBreakerConfig.custom()
                        .slidingWindow(
                                SETTINGS.failureThreshold(), SETTINGS.failureThreshold(), SlidingWindowType.COUNT_BASED)
                        .failureRateThreshold(100)
                        .permittedNumberOfCallsInHalfOpenState(SETTINGS.successThreshold())
                        .waitDurationInOpenState(SETTINGS.recoveryTimeout())
                        .automaticTransitionFromOpenToHalfOpenEnabled(false)
                        .build());
    }

    /** Opens a raw breaker with consecutive faults, as {@link #open(CarrierCircuitBreaker)} does. */
    static CircuitBreaker open(CircuitBreaker breaker) {
        for (int i = 0; i < SETTINGS.failureThreshold(); i++) {
            breaker.onError(0, java.util.concurrent.TimeUnit.NANOSECONDS, new IllegalStateException("benchmark"));
        }
        if (breaker.getState() != CircuitBreaker.State.OPEN) {
            throw new IllegalStateException("the raw breaker did not open: " + breaker.getState());
        }
        return breaker;
    }

    /** How long a benchmark may keep a breaker open before a trial would be due. */
    static Duration openFor() {
        return SETTINGS.recoveryTimeout();
    }
}
