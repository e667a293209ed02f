package io.haderos.shipping.adapter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.OperatorOverride;
import io.haderos.shipping.domain.model.CarrierId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL an order recorded by one instance is pushed to the others' listeners (LISTEN/NOTIFY), on a channel of
 * their own schema, and a listener whose connection is killed reconnects and hears the next order; on H2 nothing is
 * pushed (instances poll).
 */
class FleetOverrideNotificationsIT {

    private static final OperatorOverride FORCE_OPEN =
            new OperatorOverride(CircuitState.FORCED_OPEN, "nora", "Aramex maintenance");

    private final AtomicInteger heard = new AtomicInteger();
    private Database here;
    private Database elsewhere;
    private Database otherSchema;
    private AutoCloseable listening;

    @AfterEach
    void close() throws Exception {
        if (listening != null) {
            listening.close();
        }
        for (Database database : new Database[] {here, elsewhere, otherSchema}) {
            if (database != null) {
                database.close();
            }
        }
    }

    @Test
    void givenTwoInstancesOnPostgres_whenOneRecordsAnOrder_thenTheOtherHearsOfItAndReconnectsWhenCutOff()
            throws Exception {
        Database.Settings settings = TestDatabases.settings(TestDatabases.Kind.POSTGRES);
        here = Database.open(settings);
        elsewhere = Database.open(settings);
        otherSchema = TestDatabases.open(TestDatabases.Kind.POSTGRES);
        JdbiFleetOverrideStore recorder = new JdbiFleetOverrideStore(here);
        listening = new JdbiFleetOverrideStore(elsewhere).listen(heard::incrementAndGet);
        await().atMost(Duration.ofSeconds(30)).until(() -> heard.get() == 1); // the catch-up call once listening
        new JdbiFleetOverrideStore(otherSchema).record(CarrierId.ARAMEX, FORCE_OPEN, Instant.now());

        long sent = System.nanoTime();
        recorder.record(CarrierId.ARAMEX, FORCE_OPEN, Instant.now());

        await().atMost(Duration.ofSeconds(30)).until(() -> heard.get() >= 2);
        System.out.printf("notification heard after %d ms%n", (System.nanoTime() - sent) / 1_000_000);
        assertThat(heard.get()).as("the other schema's order is not heard here").isEqualTo(2);

        assertThat(terminateListeners(settings)).isPositive();
        await().atMost(Duration.ofSeconds(60)).until(() -> heard.get() >= 3); // reconnected: one catch-up call
        recorder.record(CarrierId.ARAMEX, FORCE_OPEN, Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> heard.get() >= 4);
    }

    @Test
    void givenH2_thenListeningHearsNothingAndCostsNothing() throws Exception {
        here = TestDatabases.open(TestDatabases.Kind.H2);
        JdbiFleetOverrideStore store = new JdbiFleetOverrideStore(here);
        listening = store.listen(heard::incrementAndGet);

        store.record(CarrierId.ARAMEX, FORCE_OPEN, Instant.now());

        assertThat(store.latest()).hasSize(1);
        assertThat(heard.get()).isZero();
    }

    /** Kills the backends listening on this schema's channel, as a network cut or a database restart would. */
    private static int terminateListeners(Database.Settings settings) throws Exception {
        String schema = settings.schema().orElseThrow();
        try (Connection admin =
                        DriverManager.getConnection(TestDatabases.POSTGRES_URL, TestDatabases.POSTGRES_USER, null);
                Statement statement = admin.createStatement();
                ResultSet killed =
                        statement.executeQuery("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity"
                                + " WHERE application_name = 'gateway-notifications' AND query = 'LISTEN breaker_override_"
                                + schema + "'")) {
            killed.next();
            return killed.getInt(1);
        }
    }
}
