package io.haderos.shipping.adapter.jdbi;

/** The retention on an H2 database. */
class JdbiDataRetentionH2IT extends JdbiDataRetentionContract {

    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.Kind.H2;
    }
}
