package io.haderos.shipping.adapter.carrierhttp;

import io.haderos.shipping.adapter.resilience4j.CarrierCircuitBreaker;
import io.haderos.shipping.adapter.resilience4j.CircuitBreakerSettings;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.port.out.CircuitTransitionListener;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** What a carrier library does alike when it is created: its breaker and its threads. */
public final class CarrierWiring {

    private CarrierWiring() {}

    /**
     * A breaker of the carrier's own, built from its configuration's settings on its clock, that publishes its
     * transitions nowhere.
     */
    public static CarrierCircuitBreaker ownBreaker(CarrierId carrier, CircuitBreakerSettings settings, Clock clock) {
        return CarrierCircuitBreaker.create(carrier, settings, clock, CircuitTransitionListener.none());
    }

    /**
     * {@code breaker}, checked to be for {@code carrier}.
     *
     * @throws NullPointerException     when {@code breaker} is null
     * @throws IllegalArgumentException when {@code breaker} is for another carrier
     */
    public static CarrierCircuitBreaker breakerFor(CarrierId carrier, CarrierCircuitBreaker breaker) {
        Objects.requireNonNull(breaker, "breaker");
        if (!carrier.equals(breaker.carrier())) {
            throw new IllegalArgumentException(
                    "the breaker is for carrier '" + breaker.carrier() + "', not '" + carrier + "'");
        }
        return breaker;
    }

    /**
     * The executor the embedding service gave, else a pool of daemon threads named {@code <prefix>-1},
     * {@code <prefix>-2}, ….
     */
    public static Executor replyThreads(Optional<Executor> given, String prefix) {
        return given.orElseGet(() -> {
            AtomicInteger threads = new AtomicInteger();
            return Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, prefix + "-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        });
    }
}
