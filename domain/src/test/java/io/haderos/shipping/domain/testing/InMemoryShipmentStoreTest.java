package io.haderos.shipping.domain.testing;

import io.haderos.shipping.domain.port.out.ShipmentStore;

class InMemoryShipmentStoreTest extends ShipmentStoreContract {

    @Override
    protected ShipmentStore store() {
        return new InMemoryShipmentStore();
    }
}
