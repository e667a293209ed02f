package io.haderos.shipping.application.service;

import io.haderos.shipping.application.port.in.NoCarrierAvailableException;
import io.haderos.shipping.application.port.in.RequestRejectedException;
import io.haderos.shipping.application.port.out.CarrierCallObserver;
import io.haderos.shipping.domain.model.Attempt;
import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.policy.CarrierOperation;
import io.haderos.shipping.domain.port.out.CarrierConfigurationException;
import io.haderos.shipping.domain.port.out.CarrierException;
import io.haderos.shipping.domain.port.out.CarrierRejectedException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * One read at the one carrier that knows the shipment (tracking, labels): no fallback, since no other carrier knows
 * it. The call is reported to the observer; a carrier that cannot answer becomes {@link NoCarrierAvailableException}
 * (with the breaker's {@code Retry-After}), a refusal {@link RequestRejectedException}; other failures (an unknown
 * tracking number) pass through as they are.
 */
final class CarrierRead {

    private CarrierRead() {}

    static <T> CompletableFuture<T> call(
            CarrierId carrier,
            CarrierOperation operation,
            CarrierCallObserver observer,
            Supplier<CompletableFuture<T>> call) {
        long started = System.nanoTime();
        return call.get().handle((value, failure) -> {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            if (failure == null) {
                observer.called(carrier, operation, AttemptOutcome.SUCCESS, elapsed);
                return value;
            }
            Throwable cause = StageFailures.cause(failure);
            if (cause instanceof CarrierException carrierFailure) {
                observer.called(carrier, operation, carrierFailure.outcome(), elapsed);
            }
            if (cause instanceof CarrierUnavailableException unavailable) {
                throw unavailable(carrier, unavailable, unavailable.retryAfter());
            }
            if (cause instanceof CarrierConfigurationException configuration) {
                throw unavailable(carrier, configuration, Optional.empty());
            }
            if (cause instanceof CarrierRejectedException rejected) {
                throw new RequestRejectedException(
                        rejected, List.of(new Attempt(carrier, rejected.outcome(), rejected.getMessage())));
            }
            throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
        });
    }

    private static NoCarrierAvailableException unavailable(
            CarrierId carrier, CarrierException failure, Optional<Duration> retryAfter) {
        return new NoCarrierAvailableException(
                List.of(new Attempt(carrier, failure.outcome(), failure.getMessage())), retryAfter);
    }
}
