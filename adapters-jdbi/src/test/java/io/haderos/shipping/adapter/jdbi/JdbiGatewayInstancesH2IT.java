package io.haderos.shipping.adapter.jdbi;

/** The gateway instances contract on a fresh H2 database. */
class JdbiGatewayInstancesH2IT extends JdbiGatewayInstancesContract {

    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.Kind.H2;
    }
}
