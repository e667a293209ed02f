package io.haderos.shipping.adapter.jdbi;

/** The shipment store contract on an H2 database. */
class JdbiShipmentStoreH2IT extends JdbiShipmentStoreContract {

    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.Kind.H2;
    }
}
