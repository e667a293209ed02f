package io.haderos.shipping.adapter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.domain.model.ClientId;
import io.haderos.shipping.domain.model.Label;
import io.haderos.shipping.domain.model.LabelFormat;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.ShipmentRecord;
import io.haderos.shipping.domain.model.ShipmentResolution;
import io.haderos.shipping.domain.model.ShipmentStatus;
import io.haderos.shipping.domain.port.out.ShipmentStore;
import io.haderos.shipping.domain.testing.ShipmentStoreContract;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shipment store contract on a fresh database of {@link #kind()}, and what only a database holds: old rows. */
abstract class JdbiShipmentStoreContract extends ShipmentStoreContract {

    private static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");
    private static final OrderId LEGACY = OrderId.of("ORD-LEGACY");

    @RegisterExtension
    final FreshDatabases databases = new FreshDatabases();

    private Database database;

    abstract TestDatabases.Kind kind();

    @Override
    protected ShipmentStore store() {
        database = databases.open(kind());
        return new JdbiShipmentStore(database.jdbi());
    }

    /** A claim as gateways wrote it before clients were recorded: no client_name. */
    private void storeAnOrderWithoutClient(String status) {
        database.jdbi()
                .useHandle(handle -> handle.createUpdate("""
                        INSERT INTO shipment (order_id, request_fingerprint, status, fallback, created_at, updated_at)
                        VALUES (:orderId, 'fp-old', :status, FALSE, :at, :at)""")
                        .bind("orderId", LEGACY.value())
                        .bind("status", status)
                        .bind("at", UtcTime.of(T0))
                        .execute());
    }

    @Test
    void givenAnOrderStoredBeforeClientsWereRecorded_thenItHasNoClientAndEveryClientSeesIt() {
        ShipmentStore store = store();
        storeAnOrderWithoutClient("outcome_unknown");

        ShipmentRecord record = store.find(LEGACY).orElseThrow();

        assertThat(record.client()).isEmpty();
        assertThat(record.isVisibleTo(ClientId.of("shop-web"))).isTrue();
        assertThat(record.isVisibleTo(ClientId.ANONYMOUS)).isTrue();
        assertThat(store.claim(LEGACY, ClientId.of("shop-web"), "fp-old", T0.plusSeconds(1)))
                .contains(record);
    }

    @Test
    void givenAnOldOrderFoundNotCreated_whenAClientClaimsIt_thenItBecomesThatClients() {
        ShipmentStore store = store();
        storeAnOrderWithoutClient("outcome_unknown");
        store.resolve(LEGACY, new ShipmentResolution(Optional.empty(), "nora", "", T0.plusSeconds(60)));

        assertThat(store.claim(LEGACY, ClientId.of("shop-app"), "v2:new", T0.plusSeconds(120)))
                .isEmpty();

        ShipmentRecord reclaimed = store.find(LEGACY).orElseThrow();
        assertThat(reclaimed.status()).isEqualTo(ShipmentStatus.IN_PROGRESS);
        assertThat(reclaimed.client()).contains(ClientId.of("shop-app"));
        assertThat(reclaimed.isVisibleTo(ClientId.of("shop-web"))).isFalse();
    }

    @Test
    void givenAShipmentStoredBeforeLabels_whenMigrated_thenItsLabelLinkIsALabelWhoseBytesAreStillToFetch() {
        Database.Settings settings = TestDatabases.settings(kind());
        FluentConfiguration flyway = Flyway.configure()
                .dataSource(
                        settings.url(),
                        settings.username().orElse(null),
                        settings.password().orElse(null))
                .locations("classpath:db/migration")
                .target("7");
        settings.schema().ifPresent(flyway::schemas);
        flyway.load().migrate();
        Properties credentials = new Properties();
        settings.username().ifPresent(user -> credentials.setProperty("user", user));
        settings.password().ifPresent(password -> credentials.setProperty("password", password));
        Jdbi.create(settings.url(), credentials)
                .useHandle(handle -> handle.createUpdate("""
                                INSERT INTO shipment (order_id, request_fingerprint, status, carrier, tracking_number,
                                                      label_url, fallback, created_at, updated_at, client_name)
                                VALUES (:orderId, 'fp-old', 'created', 'aramex', '30123456789',
                                        'https://ws.aramex.example/content/rpt_cache/9f1c.pdf', FALSE, :at, :at, 'shop')""")
                        .bind("orderId", LEGACY.value())
                        .bind("at", UtcTime.of(T0))
                        .execute());

        ShipmentRecord record = new JdbiShipmentStore(databases.open(settings).jdbi())
                .find(LEGACY)
                .orElseThrow();

        assertThat(record.shipment().orElseThrow().labels())
                .containsExactly(Label.at(
                        1, LabelFormat.PDF, URI.create("https://ws.aramex.example/content/rpt_cache/9f1c.pdf")));
    }
}
