package io.haderos.shipping.domain.circuit;

import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.Checks;
import io.haderos.shipping.domain.model.InvalidValueException;
import java.time.Instant;

/**
 * The latest operator order for one carrier's breakers on every gateway instance (docs/architecture.md#fleet-overrides):
 * held open or disabled, perhaps until a given instant, or closed. Every instance applies each revision once.
 *
 * @param revision 1 for the carrier's first order, one more for each later one: the highest is the one that counts
 * @param order    what the operator ordered, who and why, and when it ends by itself if it does
 * @param since    when the order was given
 */
public record FleetOverride(CarrierId carrier, long revision, OperatorOverride order, Instant since) {

    public FleetOverride {
        Checks.required(carrier, "carrier");
        if (revision < 1) {
            throw new InvalidValueException("revision", "must start at 1");
        }
        Checks.required(order, "order");
        Checks.required(since, "since");
    }

    /** Whether the order holds the breakers forced open or disabled at {@code now}: given, and not ended. */
    public boolean inForce(Instant now) {
        return order.holds() && order.until().map(now::isBefore).orElse(true);
    }

    /** Whether the order held the breakers until an instant that has come: its maintenance window is over. */
    public boolean ended(Instant now) {
        return order.holds() && order.until().map(end -> !now.isBefore(end)).orElse(false);
    }
}
