package io.haderos.shipping.adapter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haderos.shipping.adapter.jdbi.JdbiCircuitTransitionLog.Settings;
import io.haderos.shipping.domain.model.InvalidValueException;
import io.haderos.shipping.domain.testing.MutableClock;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What needs no database: validation, instance ids, and how failures are described. */
class JdbiCircuitTransitionLogTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    private final Jdbi nowhere = Jdbi.create(() -> {
        throw new SQLException("no database in a unit test");
    });
    private final JdbiCircuitTransitionLog log = new JdbiCircuitTransitionLog(
            nowhere,
            "gw-unit",
            new MutableClock(NOW),
            JdbiCircuitTransitionLogFixtures.FAST.withCloseTimeout(Duration.ofMillis(50)));

    @AfterEach
    void close() {
        log.close();
    }

    @Test
    void givenABlankOrOverlongInstanceId_whenConstructed_thenTheIdIsRefused() {
        assertThatThrownBy(() -> new JdbiCircuitTransitionLog(nowhere, " ", new MutableClock(NOW)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("instance_id"));
        assertThatThrownBy(() -> new JdbiCircuitTransitionLog(nowhere, "x".repeat(101), new MutableClock(NOW)))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void uniqueInstanceIdsNameTheHostAndProcessAndDifferOnEveryCall() {
        String first = JdbiCircuitTransitionLog.uniqueInstanceId("gw-host1");
        String second = JdbiCircuitTransitionLog.uniqueInstanceId("gw-host1");

        assertThat(first).matches("gw-host1-" + ProcessHandle.current().pid() + "-[0-9a-f]{8}");
        assertThat(second).isNotEqualTo(first);
        assertThat(JdbiCircuitTransitionLog.uniqueInstanceId("h".repeat(300))).hasSizeLessThanOrEqualTo(100);
    }

    @Test
    void settingsOutOfRangeAreRefusedNamingTheSetting() {
        Settings defaults = Settings.DEFAULTS;
        assertThatThrownBy(() -> defaults.withBatchSize(0)).hasMessageStartingWith("batch-size");
        assertThatThrownBy(() -> defaults.withBatchSize(1001)).hasMessageStartingWith("batch-size");
        assertThatThrownBy(() -> defaults.withBackoff(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageStartingWith("initial-backoff");
        assertThatThrownBy(() -> defaults.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageStartingWith("max-backoff");
        assertThatThrownBy(() -> defaults.withQueueCapacity(0)).hasMessageStartingWith("queue-capacity");
        assertThatThrownBy(() -> defaults.withCloseTimeout(Duration.ZERO)).hasMessageStartingWith("close-timeout");
        assertThatThrownBy(() -> defaults.withBacklogAlertAge(Duration.ofSeconds(-1)))
                .hasMessageStartingWith("backlog-alert-age");
        assertThat(defaults)
                .isEqualTo(new Settings(
                        100,
                        Duration.ofMillis(100),
                        Duration.ofSeconds(30),
                        100_000,
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(5)));
    }

    @Test
    void failureReasonsKeepTheRootCauseButNoCredentials() {
        Exception failure = new IllegalStateException(
                "pool gave up",
                new SQLException(
                        "FATAL: connection to jdbc:postgresql://gw:s3cret@db/gw?user=gw&password=s3cret;token=abc refused\n"
                                + "second line"));

        String reason = DatabaseFailures.describe(failure);

        assertThat(reason)
                .startsWith("SQLException: FATAL: connection to jdbc:postgresql://***@db/gw?user=gw&password=***")
                .contains("token=***", "second line")
                .doesNotContain("s3cret", "abc", "\n");
        assertThat(DatabaseFailures.describe(new SQLException("x".repeat(500)))).hasSize(200);
    }
}
