package io.haderos.shipping.domain.model;

/** Where an order's shipment stands in the gateway's idempotency store. */
public enum ShipmentStatus {
    /** A request is asking carriers right now; others for the same order must wait or be refused. */
    IN_PROGRESS,
    /** A carrier created the shipment (or an operator found it there); repeats replay it. */
    CREATED,
    /** A carrier may or may not have created it; the order is held until an operator resolves it. */
    OUTCOME_UNKNOWN,
    /** An operator found that no carrier created it; the next request may try again. */
    NOT_CREATED
}
