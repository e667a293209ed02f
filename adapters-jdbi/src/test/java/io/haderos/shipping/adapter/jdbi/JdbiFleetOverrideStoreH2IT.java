package io.haderos.shipping.adapter.jdbi;

/** The fleet override store contract on an H2 database. */
class JdbiFleetOverrideStoreH2IT extends JdbiFleetOverrideStoreContract {

    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.Kind.H2;
    }
}
