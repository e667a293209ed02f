package io.haderos.shipping.application.port.out;

import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.policy.CarrierOperation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sees every carrier call the use cases make and every move to the next carrier, for metrics and logs.
 * Implementations must return at once and must not throw.
 *
 * <p>The calls of one request may be reported on any thread. A use case therefore asks for {@link #boundToCaller()}
 * on the thread that starts the request's carrier calls and reports to what it returns: an observer that needs that
 * thread's context (the request id a log line carries) captures it there.
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

    /**
     * This observer, bound to the calling thread's context for the carrier calls about to start. The default, for an
     * observer that needs no context, is this observer itself.
     */
    default CarrierCallObserver boundToCaller() {
        return this;
    }

    /** Every one of {@code observers}, in order. */
    static CarrierCallObserver all(List<CarrierCallObserver> observers) {
        List<CarrierCallObserver> each = List.copyOf(observers);
        if (each.size() == 1) {
            return each.get(0);
        }
        return new CarrierCallObserver() {
            @Override
            public void called(
                    CarrierId carrier, CarrierOperation operation, AttemptOutcome outcome, Duration elapsed) {
                each.forEach(observer -> observer.called(carrier, operation, outcome, elapsed));
            }

            @Override
            public void fellBack(CarrierOperation operation, CarrierId from, CarrierId to) {
                each.forEach(observer -> observer.fellBack(operation, from, to));
            }

            @Override
            public void hedged(CarrierId from, CarrierId to, Optional<CarrierId> winner) {
                each.forEach(observer -> observer.hedged(from, to, winner));
            }

            @Override
            public void probed(CarrierId carrier, AttemptOutcome outcome) {
                each.forEach(observer -> observer.probed(carrier, outcome));
            }

            @Override
            public CarrierCallObserver boundToCaller() {
                List<CarrierCallObserver> bound = new ArrayList<>(each.size());
                boolean same = true;
                for (CarrierCallObserver observer : each) {
                    CarrierCallObserver one = observer.boundToCaller();
                    same &= one == observer;
                    bound.add(one);
                }
                return same ? this : all(bound);
            }
        };
    }

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
