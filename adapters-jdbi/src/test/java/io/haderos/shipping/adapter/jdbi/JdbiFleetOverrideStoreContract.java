package io.haderos.shipping.adapter.jdbi;

import io.haderos.shipping.domain.port.out.FleetOverrideStore;
import io.haderos.shipping.domain.testing.FleetOverrideStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The fleet override store contract on a fresh database of {@link #kind()}, opened twice as two instances would. */
abstract class JdbiFleetOverrideStoreContract extends FleetOverrideStoreContract {

    private Database here;
    private Database elsewhere;
    private Database.Settings settings;

    abstract TestDatabases.Kind kind();

    @Override
    protected FleetOverrideStore store() {
        settings = TestDatabases.settings(kind());
        here = Database.open(settings);
        return new JdbiFleetOverrideStore(here);
    }

    @Override
    protected FleetOverrideStore sameStoreElsewhere() {
        elsewhere = Database.open(settings);
        return new JdbiFleetOverrideStore(elsewhere);
    }

    @AfterEach
    void closeDatabases() {
        if (elsewhere != null) {
            elsewhere.close();
        }
        if (here != null) {
            here.close();
        }
    }
}
