package io.haderos.shipping.domain.port.out;

import io.haderos.shipping.domain.testing.ShipmentStoreContract;

class InMemoryShipmentStoreTest extends ShipmentStoreContract {

    @Override
    protected ShipmentStore store() {
        return new InMemoryShipmentStore();
    }
}
