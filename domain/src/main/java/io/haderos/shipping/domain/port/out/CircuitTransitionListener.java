package io.haderos.shipping.domain.port.out;

import io.haderos.shipping.domain.circuit.CircuitStateChanged;

/**
 * Receives every breaker transition.
 *
 * <p>Called on the thread of the carrier call that caused the transition: an implementation must return
 * at once (queue the event; never do SQL, HTTP or SMTP inline) and must not throw.
 */
@FunctionalInterface
public interface CircuitTransitionListener {

    void onTransition(CircuitStateChanged event);

    /** A listener that ignores every event. */
    static CircuitTransitionListener none() {
        return event -> { };
    }
}
