package io.haderos.shipping.adapter.jdbi;

/** The audit trail contract on the real PostgreSQL (see TestDatabases). */
class TransitionHistoryPostgresIT extends JdbiTransitionHistoryContract {

    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.Kind.POSTGRES;
    }
}
