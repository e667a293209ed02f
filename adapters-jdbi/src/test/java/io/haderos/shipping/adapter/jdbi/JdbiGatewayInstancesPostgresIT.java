package io.haderos.shipping.adapter.jdbi;

import io.haderos.shipping.domain.port.out.GatewayInstances;
import io.haderos.shipping.domain.testing.GatewayInstancesContract;
import org.junit.jupiter.api.AfterEach;

/** The gateway instances contract on a fresh Postgres database. */
class JdbiGatewayInstancesPostgresIT extends GatewayInstancesContract {

    private Database database;

    @Override
    protected GatewayInstances instances() {
        database = TestDatabases.open(TestDatabases.Kind.POSTGRES);
        return new JdbiGatewayInstances(database.jdbi());
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
