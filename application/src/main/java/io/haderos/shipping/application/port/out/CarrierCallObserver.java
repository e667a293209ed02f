package io.haderos.shipping.application.port.out;

import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.policy.CarrierOperation;
import java.time.Duration;
import java.util.Optional;

/**
 * Sees every carrier call the use cases make and every move to the next carrier, for metrics.
 * Implementations must return at once and must not throw.
 */
public interface CarrierCallObserver {

    /** One carrier was asked (or refused by its open breaker) and answered with {@code outcome}. */
    void called(CarrierId carrier, CarrierOperation operation, AttemptOutcome outcome, Duration elapsed);

    /** {@code from} failed in a way that lets {@code to} be asked next. */
    void fellBack(CarrierOperation operation, CarrierId from, CarrierId to);

    /**
     * {@code from} had not answered a quote within the hedge delay, so {@code to} was asked as well; {@code winner}
     * answered the client first (empty when neither gave a usable answer).
     */
    default void hedged(CarrierId from, CarrierId to, Optional<CarrierId> winner) {}

    /** The gateway sent its own trial to {@code carrier}'s recovering breaker, which ended with {@code outcome}. */
    default void probed(CarrierId carrier, AttemptOutcome outcome) {}

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
