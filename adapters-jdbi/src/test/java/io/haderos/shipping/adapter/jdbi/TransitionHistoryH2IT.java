package io.haderos.shipping.adapter.jdbi;

/** The audit trail contract on an H2 database. */
class TransitionHistoryH2IT extends JdbiTransitionHistoryContract {

    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.Kind.H2;
    }
}
