package io.haderos.shipping.adapter.jdbi;

import io.haderos.shipping.domain.port.out.GatewayInstances;
import io.haderos.shipping.domain.testing.GatewayInstancesContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The gateway instances contract on a fresh database of {@link #kind()}. */
abstract class JdbiGatewayInstancesContract extends GatewayInstancesContract {

    @RegisterExtension
    final FreshDatabases databases = new FreshDatabases();

    abstract TestDatabases.Kind kind();

    @Override
    protected GatewayInstances instances() {
        return new JdbiGatewayInstances(databases.open(kind()).jdbi());
    }
}
