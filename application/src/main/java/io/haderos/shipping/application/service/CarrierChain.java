package io.haderos.shipping.application.service;

import io.haderos.shipping.domain.model.Attempt;
import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.policy.CarrierOperation;
import io.haderos.shipping.domain.policy.FallbackDecision;
import io.haderos.shipping.domain.policy.FallbackPolicy;
import io.haderos.shipping.domain.port.out.CarrierCallObserver;
import io.haderos.shipping.domain.port.out.CarrierException;
import io.haderos.shipping.domain.port.out.CarrierRejectedException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.ShippingCarrier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Asks the carriers in order until one serves, letting {@link FallbackPolicy} decide after each failure.
 * Shared by every use case that falls back, so the walk and its bookkeeping exist once.
 */
final class CarrierChain {

    private final List<ShippingCarrier> carriers;
    private final FallbackPolicy policy;
    private final CarrierCallObserver observer;

    CarrierChain(List<ShippingCarrier> carriers, FallbackPolicy policy, CarrierCallObserver observer) {
        if (carriers.isEmpty()) {
            throw new IllegalArgumentException("at least one carrier is required");
        }
        this.carriers = List.copyOf(carriers);
        this.policy = policy;
        this.observer = observer;
    }

    /** How a walk along the chain ended. */
    sealed interface Outcome<T> {
        List<Attempt> attempts();
    }

    record Served<T>(CarrierId carrier, T value, boolean fallback, List<Attempt> attempts) implements Outcome<T> {}

    record Rejected<T>(CarrierRejectedException rejection, List<Attempt> attempts) implements Outcome<T> {}

    record OutcomeUnknown<T>(CarrierId carrier, List<Attempt> attempts) implements Outcome<T> {}

    record Exhausted<T>(Optional<Duration> retryAfter, List<Attempt> attempts) implements Outcome<T> {}

    <T> Outcome<T> run(CarrierOperation operation, Function<ShippingCarrier, T> call) {
        List<Attempt> attempts = new ArrayList<>();
        List<CarrierException> failures = new ArrayList<>();
        for (int i = 0; i < carriers.size(); i++) {
            ShippingCarrier carrier = carriers.get(i);
            long started = System.nanoTime();
            try {
                T value = call.apply(carrier);
                observer.called(carrier.id(), operation, AttemptOutcome.SUCCESS, since(started));
                attempts.add(Attempt.success(carrier.id()));
                return new Served<>(carrier.id(), value, i > 0, attempts);
            } catch (CarrierException failure) {
                observer.called(carrier.id(), operation, failure.outcome(), since(started));
                attempts.add(new Attempt(carrier.id(), failure.outcome(), failure.getMessage()));
                FallbackDecision decision = policy.decide(operation, failure);
                if (decision instanceof FallbackDecision.StopRejected rejected) {
                    return new Rejected<>(rejected.failure(), attempts);
                }
                if (decision instanceof FallbackDecision.StopOutcomeUnknown) {
                    return new OutcomeUnknown<>(carrier.id(), attempts);
                }
                failures.add(failure);
                if (i + 1 < carriers.size()) {
                    observer.fellBack(
                            operation, carrier.id(), carriers.get(i + 1).id());
                }
            }
        }
        return new Exhausted<>(earliestTrial(failures), attempts);
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private static Optional<Duration> earliestTrial(List<CarrierException> failures) {
        return failures.stream()
                .filter(CarrierUnavailableException.class::isInstance)
                .map(CarrierUnavailableException.class::cast)
                .map(CarrierUnavailableException::retryAfter)
                .flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
    }
}
