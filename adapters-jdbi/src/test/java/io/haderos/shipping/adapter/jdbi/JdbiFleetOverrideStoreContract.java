package io.haderos.shipping.adapter.jdbi;

import io.haderos.shipping.domain.port.out.FleetOverrideStore;
import io.haderos.shipping.domain.testing.FleetOverrideStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fleet override store contract on a fresh database of {@link #kind()}, opened twice as two instances would. */
abstract class JdbiFleetOverrideStoreContract extends FleetOverrideStoreContract {

    @RegisterExtension
    final FreshDatabases databases = new FreshDatabases();

    private Database.Settings settings;

    abstract TestDatabases.Kind kind();

    @Override
    protected FleetOverrideStore store() {
        settings = TestDatabases.settings(kind());
        return new JdbiFleetOverrideStore(databases.open(settings));
    }

    @Override
    protected FleetOverrideStore sameStoreElsewhere() {
        return new JdbiFleetOverrideStore(databases.open(settings));
    }
}
