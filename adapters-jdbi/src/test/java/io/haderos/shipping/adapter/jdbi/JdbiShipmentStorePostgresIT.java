package io.haderos.shipping.adapter.jdbi;

import io.haderos.shipping.domain.port.out.ShipmentStore;
import io.haderos.shipping.domain.testing.ShipmentStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The shipment store contract on the real PostgreSQL (see TestDatabases). */
class JdbiShipmentStorePostgresIT extends ShipmentStoreContract {

    private Database database;

    @Override
    protected ShipmentStore store() {
        database = TestDatabases.open(TestDatabases.Kind.POSTGRES);
        return new JdbiShipmentStore(database.jdbi());
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
