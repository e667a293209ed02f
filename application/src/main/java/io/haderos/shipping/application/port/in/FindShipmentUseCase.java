package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.ShipmentRecord;
import java.util.Optional;

/** What the gateway has stored for an order. */
public interface FindShipmentUseCase {

    Optional<ShipmentRecord> findShipment(OrderId orderId);
}
