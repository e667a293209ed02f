package io.haderos.shipping.adapter.jdbi;

/** The gateway instances contract on a fresh Postgres database. */
class JdbiGatewayInstancesPostgresIT extends JdbiGatewayInstancesContract {

    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.Kind.POSTGRES;
    }
}
