package io.haderos.shipping.adapter.jdbi;

import io.haderos.shipping.domain.port.out.ShipmentStore;
import io.haderos.shipping.domain.testing.ShipmentStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The shipment store contract on a fresh database of {@link #kind()}. */
abstract class JdbiShipmentStoreContract extends ShipmentStoreContract {

    private Database database;

    abstract TestDatabases.Kind kind();

    @Override
    protected ShipmentStore store() {
        database = TestDatabases.open(kind());
        return new JdbiShipmentStore(database.jdbi());
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
