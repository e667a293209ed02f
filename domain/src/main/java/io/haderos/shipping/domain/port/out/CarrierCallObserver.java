package io.haderos.shipping.domain.port.out;

import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.policy.CarrierOperation;
import java.time.Duration;

/**
 * Sees every carrier call the use cases make and every move to the next carrier, for metrics.
 * Implementations must return at once and must not throw.
 */
public interface CarrierCallObserver {

    /** One carrier was asked (or refused by its open breaker) and answered with {@code outcome}. */
    void called(CarrierId carrier, CarrierOperation operation, AttemptOutcome outcome, Duration elapsed);

    /** {@code from} failed in a way that lets {@code to} be asked next. */
    void fellBack(CarrierOperation operation, CarrierId from, CarrierId to);

    /** An observer that ignores everything. */
    static CarrierCallObserver none() {
        return new CarrierCallObserver() {
            @Override
            public void called(
                    CarrierId carrier, CarrierOperation operation, AttemptOutcome outcome, Duration elapsed) {}

            @Override
            public void fellBack(CarrierOperation operation, CarrierId from, CarrierId to) {}
        };
    }
}
