package io.haderos.shipping.domain.model;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The moves an order's shipment record may make, and from which statuses: the one statement of the idempotency
 * store's state machine. {@link ShipmentRecord} applies them to a record in memory; a store applies the same moves
 * with a compare-and-set on the status ({@code WHERE status IN (from)}), so of concurrent requests exactly one moves
 * an order.
 *
 * <pre>
 *   (none) --claim--> IN_PROGRESS --create--> CREATED
 *                          |  \--hold--> OUTCOME_UNKNOWN --resolve--> CREATED | NOT_CREATED
 *                          |  \--release--> (none)                                  |
 *                          \--resolve (abandoned claim only)--> CREATED | NOT_CREATED  |
 *   NOT_CREATED --reclaim--> IN_PROGRESS  <----------------------------------------------/
 * </pre>
 */
public enum ShipmentTransition {
    /** An order an operator found was never created is claimed again by a new request. */
    RECLAIM(EnumSet.of(ShipmentStatus.NOT_CREATED), ShipmentStatus.IN_PROGRESS),
    /** The carrier created the shipment. */
    CREATE(EnumSet.of(ShipmentStatus.IN_PROGRESS), ShipmentStatus.CREATED),
    /** The carrier may have created it: the order is held until an operator resolves it. */
    HOLD(EnumSet.of(ShipmentStatus.IN_PROGRESS), ShipmentStatus.OUTCOME_UNKNOWN),
    /** No carrier created it and none may have: the claim is forgotten, so the order can be shipped again. */
    RELEASE(EnumSet.of(ShipmentStatus.IN_PROGRESS), null),
    /**
     * An operator found the shipment at the carrier. From IN_PROGRESS only when the claim was abandoned (see
     * {@link ShipmentRecord#awaitsResolution}).
     */
    RESOLVE_FOUND(EnumSet.of(ShipmentStatus.OUTCOME_UNKNOWN, ShipmentStatus.IN_PROGRESS), ShipmentStatus.CREATED),
    /** An operator found that no carrier created it; the next request may try again. */
    RESOLVE_NOT_CREATED(
            EnumSet.of(ShipmentStatus.OUTCOME_UNKNOWN, ShipmentStatus.IN_PROGRESS), ShipmentStatus.NOT_CREATED);

    private final Set<ShipmentStatus> from;
    private final ShipmentStatus to;

    ShipmentTransition(Set<ShipmentStatus> from, ShipmentStatus to) {
        this.from = Set.copyOf(from);
        this.to = to;
    }

    /** The statuses a record may be in for this move. */
    public Set<ShipmentStatus> from() {
        return from;
    }

    /** The status after the move; empty when the record is removed. */
    public Optional<ShipmentStatus> to() {
        return Optional.ofNullable(to);
    }

    /**
     * @return {@code current}'s successor
     * @throws IllegalStateException when a record in {@code current} may not make this move
     */
    ShipmentStatus apply(ShipmentStatus current) {
        if (!from.contains(current)) {
            throw new IllegalStateException("an order " + current + " cannot " + this);
        }
        return to;
    }
}
