package io.haderos.shipping.adapter.jdbi;

import io.haderos.shipping.domain.port.out.GatewayInstances;
import io.haderos.shipping.domain.testing.GatewayInstancesContract;
import org.junit.jupiter.api.AfterEach;

/** The gateway instances contract on a fresh database of {@link #kind()}. */
abstract class JdbiGatewayInstancesContract extends GatewayInstancesContract {

    private Database database;

    abstract TestDatabases.Kind kind();

    @Override
    protected GatewayInstances instances() {
        database = TestDatabases.open(kind());
        return new JdbiGatewayInstances(database.jdbi());
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
