package io.haderos.shipping.adapter.jdbi;

/** The fleet override store contract on PostgreSQL. */
class JdbiFleetOverrideStorePostgresIT extends JdbiFleetOverrideStoreContract {

    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.Kind.POSTGRES;
    }
}
