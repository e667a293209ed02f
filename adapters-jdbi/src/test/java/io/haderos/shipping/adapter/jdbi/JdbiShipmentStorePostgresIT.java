package io.haderos.shipping.adapter.jdbi;

/** The shipment store contract on the real PostgreSQL (see TestDatabases). */
class JdbiShipmentStorePostgresIT extends JdbiShipmentStoreContract {

    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.Kind.POSTGRES;
    }
}
