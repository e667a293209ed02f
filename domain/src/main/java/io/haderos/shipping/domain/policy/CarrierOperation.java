package io.haderos.shipping.domain.policy;

/** What the gateway asks a carrier to do; the fallback rules differ by operation. */
public enum CarrierOperation {
    /** Safe to repeat: nothing is created. */
    QUOTE_RATES,
    /** Creates a shipment: must never be done twice for one order. */
    CREATE_SHIPMENT
}
