package io.haderos.shipping.domain.testing;

import io.haderos.shipping.domain.port.out.GatewayInstances;

class InMemoryGatewayInstancesTest extends GatewayInstancesContract {

    @Override
    protected GatewayInstances instances() {
        return new InMemoryGatewayInstances();
    }
}
