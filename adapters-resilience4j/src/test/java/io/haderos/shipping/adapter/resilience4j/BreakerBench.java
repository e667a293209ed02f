package io.haderos.shipping.adapter.resilience4j;

import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.RateRequest;
import io.haderos.shipping.domain.testing.ManualScheduler;
import io.haderos.shipping.domain.testing.MutableClock;
import io.haderos.shipping.domain.testing.Requests;
import io.haderos.shipping.domain.testing.ScriptedCarrier;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the breaker suites test on: an aramex breaker in front of a scripted carrier, wired as the carrier adapters wire
 * theirs, with a clock and a scheduler that only the test moves, and every transition recorded. Each test gets a new
 * bench with the default settings.
 */
abstract class BreakerBench {

    static final CarrierId ARAMEX = CarrierId.ARAMEX;
    static final RateRequest REQUEST = Requests.QUOTE;

    final MutableClock clock = MutableClock.at("2026-01-05T10:00:00Z");
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final List<CircuitStateChanged> transitions = new CopyOnWriteArrayList<>();
    ScriptedCarrier carrier;
    CarrierCircuitBreaker breaker;
    GuardedCarrier guarded;

    BreakerBench() {
        useSettings(CircuitBreakerSettings.DEFAULTS);
    }

    /** A new carrier with nothing scripted behind a new breaker with {@code settings}; no transition recorded yet. */
    final void useSettings(CircuitBreakerSettings settings) {
        transitions.clear();
        carrier = new ScriptedCarrier(ARAMEX);
        breaker = CarrierCircuitBreaker.create(ARAMEX, settings, clock, transitions::add, scheduler);
        guarded = new GuardedCarrier(breaker, carrier);
    }
}
