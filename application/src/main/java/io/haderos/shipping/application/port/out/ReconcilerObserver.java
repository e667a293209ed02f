package io.haderos.shipping.application.port.out;

import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.ShipmentRecord;

/** Hears what the held-order reconciler did, for the log. Called on the reconciler's threads; must not block. */
public interface ReconcilerObserver {

    /** The reconciler found the order's shipment at a carrier and resolved it {@code created}. */
    void resolved(ShipmentRecord record);

    /** No carrier asked knows a shipment under the order's reference: it stays held for a person. */
    default void notFound(OrderId orderId) {}

    /** The order stays held for a person: {@code carrier} holds several shipments under its reference. */
    default void ambiguous(OrderId orderId, CarrierId carrier, int shipments) {}

    /**
     * The order stays held, to be asked again next pass: {@code carrier} could not be asked (its breaker is open),
     * failed to answer, or its shipment could not be recorded.
     */
    default void stillHeld(OrderId orderId, CarrierId carrier, String why) {}

    static ReconcilerObserver none() {
        return record -> {};
    }
}
