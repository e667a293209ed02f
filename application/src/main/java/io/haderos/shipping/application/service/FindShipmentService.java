package io.haderos.shipping.application.service;

import io.haderos.shipping.application.port.in.FindShipmentUseCase;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.ShipmentRecord;
import io.haderos.shipping.domain.port.out.ShipmentStore;
import java.util.Optional;

/** Reads what the store holds for an order. */
public final class FindShipmentService implements FindShipmentUseCase {

    private final ShipmentStore store;

    public FindShipmentService(ShipmentStore store) {
        this.store = store;
    }

    @Override
    public Optional<ShipmentRecord> findShipment(OrderId orderId) {
        return store.find(orderId);
    }
}
