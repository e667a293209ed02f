package io.haderos.shipping.domain.circuit;

/** The states of a carrier's circuit breaker (docs/architecture.md#circuit-breaker). */
public enum CircuitState {
    /** Calls go through; consecutive carrier faults are counted. */
    CLOSED,
    /** Calls are not attempted until the recovery timeout has elapsed. */
    OPEN,
    /** A limited number of trial calls go through. */
    HALF_OPEN,
    /** Held open by an operator: no call goes through until an operator closes it. */
    FORCED_OPEN,
    /** Switched off by an operator: every call goes through and nothing is counted. */
    DISABLED;

    /** Whether a breaker in this state stops calls from reaching the carrier. */
    public boolean blocksCalls() {
        return this == OPEN || this == FORCED_OPEN;
    }
}
