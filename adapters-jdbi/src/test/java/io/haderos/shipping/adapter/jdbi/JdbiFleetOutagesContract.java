package io.haderos.shipping.adapter.jdbi;

import io.haderos.shipping.domain.model.GatewayInstance;
import io.haderos.shipping.domain.port.out.FleetOutages;
import io.haderos.shipping.domain.testing.FleetOutagesContract;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fleet outages contract on a fresh database of {@link #kind()}; instances are live by their heartbeats. */
abstract class JdbiFleetOutagesContract extends FleetOutagesContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    final FreshDatabases databases = new FreshDatabases();

    private Database database;

    abstract TestDatabases.Kind kind();

    @Override
    protected FleetOutages instance(String instanceId) {
        if (database == null) {
            database = databases.open(kind());
        }
        new JdbiGatewayInstances(database.jdbi()).started(GatewayInstance.starting(instanceId, "gw", T0));
        return new JdbiFleetOutages(database.jdbi(), instanceId, TIMEOUT);
    }

    @Override
    protected void kill(String instanceId) {
        database.jdbi()
                .useHandle(handle -> handle.createUpdate(
                                "UPDATE gateway_instance SET last_seen = :long_ago WHERE instance_id = :id")
                        .bind("id", instanceId)
                        .bind("long_ago", UtcTime.of(T0.minus(Duration.ofHours(1))))
                        .execute());
    }
}
