package io.haderos.shipping.adapter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    @Test
    void anH2FileWritesEveryCommitAtOnceUnlessTheUrlSaysOtherwise() {
        assertThat(Database.durable("jdbc:h2:file:./data/gateway"))
                .isEqualTo("jdbc:h2:file:./data/gateway;WRITE_DELAY=0");
        assertThat(Database.durable("jdbc:h2:./data/gateway;write_delay=100"))
                .isEqualTo("jdbc:h2:./data/gateway;write_delay=100");
        assertThat(Database.durable("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
        assertThat(Database.durable("jdbc:postgresql://db/gateway")).isEqualTo("jdbc:postgresql://db/gateway");
    }

    @Test
    void settingsNeverShowThePassword() {
        Database.Settings settings = Database.Settings.of(
                "jdbc:postgresql://db/gateway", Optional.of("gateway"), Optional.of("s3cret-Passw0rd"));

        assertThat(settings.toString()).doesNotContain("s3cret-Passw0rd").contains("password=***");
        assertThatThrownBy(() -> Database.Settings.of("postgres://db", Optional.empty(), Optional.empty()))
                .hasMessageContaining("JDBC URL");
    }

    @Test
    void anUnreachableDatabaseStopsOpeningWithoutRepeatingTheUrl() {
        Database.Settings settings = new Database.Settings(
                "jdbc:postgresql://127.0.0.1:1/gateway?password=hunter2",
                Optional.of("gateway"),
                Optional.empty(),
                Optional.empty(),
                1,
                java.time.Duration.ofMillis(500));

        assertThatThrownBy(() -> Database.open(settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot open the database")
                .hasMessageNotContaining("hunter2");
    }
}
