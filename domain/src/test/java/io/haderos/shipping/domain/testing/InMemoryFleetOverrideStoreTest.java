package io.haderos.shipping.domain.testing;

import io.haderos.shipping.domain.port.out.FleetOverrideStore;

class InMemoryFleetOverrideStoreTest extends FleetOverrideStoreContract {

    private InMemoryFleetOverrideStore store;

    @Override
    protected FleetOverrideStore store() {
        store = new InMemoryFleetOverrideStore();
        return store;
    }

    @Override
    protected FleetOverrideStore sameStoreElsewhere() {
        return store;
    }
}
