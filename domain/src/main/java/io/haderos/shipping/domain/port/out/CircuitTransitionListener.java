package io.haderos.shipping.domain.port.out;

import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import java.util.List;

/**
 * Receives every breaker transition.
 *
 * <p>Called on the thread of the carrier call that caused the transition: an implementation must return
 * at once (queue the event; never do SQL, HTTP or SMTP inline) and must not throw.
 */
@FunctionalInterface
public interface CircuitTransitionListener {

    void onTransition(CircuitStateChanged event);

    /**
     * A listener that hands each event to every one of {@code listeners}, in order; one that throws does not
     * keep the event from the others.
     */
    static CircuitTransitionListener all(List<CircuitTransitionListener> listeners) {
        List<CircuitTransitionListener> each = List.copyOf(listeners);
        return event -> {
            for (CircuitTransitionListener listener : each) {
                try {
                    listener.onTransition(event);
                } catch (RuntimeException ignored) {
                    // The contract says listeners never throw; a faulty one must not cost the others the event.
                }
            }
        };
    }

    /** A listener that ignores every event. */
    static CircuitTransitionListener none() {
        return event -> {};
    }
}
