package io.haderos.shipping.adapter.jdbi;

/** The fleet outages contract on Postgres. */
class JdbiFleetOutagesPostgresIT extends JdbiFleetOutagesContract {

    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.Kind.POSTGRES;
    }
}
