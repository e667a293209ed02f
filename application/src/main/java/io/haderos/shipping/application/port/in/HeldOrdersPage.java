package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.model.HeldOrderCursor;
import io.haderos.shipping.domain.model.ShipmentRecord;
import java.util.List;
import java.util.Optional;

/**
 * A page of held orders, oldest first, each as a reader sees it now ({@link ShipmentRecord#asSeenAt}: status
 * {@code OUTCOME_UNKNOWN}, an abandoned claim included).
 *
 * @param next where the next page starts; empty when this page is the last
 */
public record HeldOrdersPage(List<ShipmentRecord> orders, Optional<HeldOrderCursor> next) {

    public HeldOrdersPage {
        orders = List.copyOf(orders);
    }
}
