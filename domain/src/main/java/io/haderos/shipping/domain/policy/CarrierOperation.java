package io.haderos.shipping.domain.policy;

/**
 * What the gateway asks a carrier to do. The fallback rules, the slow-call thresholds and whether a call may
 * serve as a breaker's trial differ by operation.
 */
public enum CarrierOperation {
    /** Prices a shipment. Safe to repeat: nothing is created. */
    QUOTE_RATES(true),
    /** Creates a shipment: must never be done twice for one order, and never serves as a trial. */
    CREATE_SHIPMENT(false),
    /** Reads a shipment's events. Safe to repeat. */
    TRACK_SHIPMENT(true),
    /** Fetches a created shipment's labels again. Safe to repeat: a read. */
    FETCH_LABEL(true);

    private final boolean safeToRepeat;

    CarrierOperation(boolean safeToRepeat) {
        this.safeToRepeat = safeToRepeat;
    }

    /**
     * Whether a second call does no harm: such a call may serve as a breaker's trial, and a call that stays
     * unanswered may be given up on once it counts as slow. A shipment creation is neither.
     */
    public boolean isSafeToRepeat() {
        return safeToRepeat;
    }
}
