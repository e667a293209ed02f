package io.haderos.shipping.domain.testing;

import io.haderos.shipping.domain.port.out.FleetOutages;

class InMemoryFleetOutagesTest extends FleetOutagesContract {

    private final InMemoryFleetOutages store = new InMemoryFleetOutages();

    @Override
    protected FleetOutages instance(String instanceId) {
        return store.instance(instanceId);
    }

    @Override
    protected void kill(String instanceId) {
        store.died(instanceId);
    }
}
