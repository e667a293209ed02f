package io.haderos.shipping.domain.model;

import java.time.Instant;

/**
 * A place in the list of held orders, which is ordered by when each order was held and then by order id: the list
 * goes on after the order {@code orderId} held since {@code since}. Both parts are stable while an order stays held,
 * so a page boundary never skips or repeats one.
 */
public record HeldOrderCursor(Instant since, OrderId orderId) {

    public HeldOrderCursor {
        Checks.required(since, "since");
        Checks.required(orderId, "orderId");
    }

    /** The place just after {@code held}. */
    public static HeldOrderCursor after(ShipmentRecord held) {
        return new HeldOrderCursor(held.heldSince(), held.orderId());
    }

    /** Whether {@code record} comes after this place in the list. */
    public boolean precedes(ShipmentRecord record) {
        int bySince = record.heldSince().compareTo(since);
        return bySince > 0 || bySince == 0 && record.orderId().value().compareTo(orderId.value()) > 0;
    }
}
