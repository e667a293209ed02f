package io.haderos.shipping.adapter.jdbi;

/** The retention on the real PostgreSQL (see TestDatabases). */
class JdbiDataRetentionPostgresIT extends JdbiDataRetentionContract {

    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.Kind.POSTGRES;
    }
}
