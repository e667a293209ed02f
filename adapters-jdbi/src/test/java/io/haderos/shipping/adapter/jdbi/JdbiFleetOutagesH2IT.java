package io.haderos.shipping.adapter.jdbi;

/** The fleet outages contract on H2. */
class JdbiFleetOutagesH2IT extends JdbiFleetOutagesContract {

    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.Kind.H2;
    }
}
