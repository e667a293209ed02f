package io.haderos.shipping.adapter.jdbi;

import static io.haderos.shipping.adapter.jdbi.JdbiCircuitTransitionLogFixtures.FAST;
import static io.haderos.shipping.domain.circuit.CircuitState.CLOSED;
import static io.haderos.shipping.domain.circuit.CircuitState.DISABLED;
import static io.haderos.shipping.domain.circuit.CircuitState.FORCED_OPEN;
import static io.haderos.shipping.domain.circuit.CircuitState.HALF_OPEN;
import static io.haderos.shipping.domain.circuit.CircuitState.OPEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.adapter.jdbi.TestDatabases.Kind;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.GatewayInstance;
import io.haderos.shipping.domain.testing.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs every query of {@code docs/audit-queries.sql}, exactly as written there, over a known history written by
 * the audit trail itself, on H2 and on PostgreSQL (the queries must not depend on the session's time zone: the
 * JVM's is whatever the machine has).
 *
 * <p>The history, UTC:
 * <pre>
 * gw-a aramex  03-01 10:00:00 opens, fails a trial at 10:02:05, closes 10:04:10      (250 s)
 *              03-01 23:30:00 opens, closes 03-02 00:30:10                            (1800 s + 1810 s)
 *              03-02 14:00, 14:20, 14:50 opens, each closes 130 s later               (flapping)
 * gw-a smsa    03-01 12:00 disabled by ops, 12:30 forced open, 13:00 disabled, 13:05 closed (1800 s)
 * gw-b aramex  03-01 10:03:00 opens, 10:10:00 closed by ops      (overlaps gw-a: 10:00-10:10 = 600 s together)
 *              03-02 15:10 opens, closes 130 s later                                  (fourth opening in the hour)
 * gw-b smsa    03-03 08:00 forced open, 09:00 closed (3600 s); 22:00 opens, fails a trial, still open now
 * gw-c aramex  03-03 10:00 opens, fails a trial at 10:02:01; gw-c dies, its last heartbeat at 12:00 (7200 s)
 *
 * gw-a started 03-01 09:00, stopped gracefully 03-04 00:00; gw-b started 03-01 09:30 and is live (a heartbeat
 * just before each query); gw-c started 03-03 09:00 and was last seen 03-03 12:00.
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditQueriesIT {

    private static final Path QUERIES = Path.of(System.getProperty("basedir", ""))
            .resolve("../docs/audit-queries.sql")
            .normalize();
    private static final Pattern NAME = Pattern.compile("(?m)^-- name: (\\S+)\\s*$");
    private static final CarrierId ARAMEX = CarrierId.ARAMEX;
    private static final CarrierId SMSA = CarrierId.SMSA;
    private static final Instant ONGOING_SINCE = Instant.parse("2025-03-03T22:00:00Z");

    private final Map<String, String> queries = queries();
    private final Map<Kind, Database> databases = new EnumMap<>(Kind.class);

    @AfterAll
    void closeDatabases() {
        databases.values().forEach(Database::close);
    }

    @Test
    void theFileHoldsTheDocumentedQueries() {
        assertThat(queries)
                .containsOnlyKeys(
                        "openings_per_day",
                        "time_open_per_day",
                        "flapping",
                        "longest_outage",
                        "current_state_per_instance",
                        "instances");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void openingsPerDayCountOpeningsFromAServingStateOnly(Kind kind) {
        assertThat(run(kind, "openings_per_day"))
                .containsExactly(
                        "aramex 2025-03-01 3",
                        "smsa 2025-03-01 1",
                        "aramex 2025-03-02 4",
                        "aramex 2025-03-03 1",
                        "smsa 2025-03-03 2");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void timeOpenPerDayMergesInstancesSplitsAtMidnightEndsADeadInstanceAtItsLastHeartbeatAndCountsTheRestUntilNow(
            Kind kind) {
        LocalDate todayBefore = LocalDate.now(ZoneOffset.UTC);
        List<String> rows = run(kind, "time_open_per_day");
        LocalDate todayAfter = LocalDate.now(ZoneOffset.UTC);

        assertThat(rows.subList(0, 5))
                .containsExactly(
                        "aramex 2025-03-01 2400",
                        "smsa 2025-03-01 1800",
                        "aramex 2025-03-02 2330",
                        "aramex 2025-03-03 7200",
                        "smsa 2025-03-03 10800");
        assertThat(rows)
                .as("gw-c died: its outage does not run on")
                .noneMatch(row -> row.startsWith("aramex 2025-03-04"));
        List<String> ongoing = rows.subList(5, rows.size());
        LocalDate lastDay = LocalDate.parse(ongoing.get(ongoing.size() - 1).split(" ")[1]);
        assertThat(lastDay).isBetween(todayBefore, todayAfter);
        List<String> wholeDays = new ArrayList<>();
        for (LocalDate day = LocalDate.parse("2025-03-04"); day.isBefore(lastDay); day = day.plusDays(1)) {
            wholeDays.add("smsa " + day + " 86400");
        }
        assertThat(ongoing.subList(0, ongoing.size() - 1)).isEqualTo(wholeDays);
        long today = Long.parseLong(ongoing.get(ongoing.size() - 1).split(" ")[2]);
        assertThat(today).isBetween(0L, 86400L);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void flappingFindsEveryHourWithThreeOrMoreOpeningsOfOneCarrier(Kind kind) {
        assertThat(run(kind, "flapping"))
                .containsExactly(
                        "aramex 2025-03-02T14:00 2025-03-02T14:50 3", "aramex 2025-03-02T14:20 2025-03-02T15:10 3");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void longestOutagePerCarrierEndsADeadInstanceAtItsLastHeartbeatAndRunsUntilNowWhileStillOpen(Kind kind) {
        long before = Duration.between(ONGOING_SINCE, Instant.now()).toSeconds();
        List<String> rows = run(kind, "longest_outage");
        long after = Duration.between(ONGOING_SINCE, Instant.now()).toSeconds();

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).isEqualTo("aramex gw-c 2025-03-03T10:00 2025-03-03T12:00 last_heartbeat 7200");
        assertThat(rows.get(1)).startsWith("smsa gw-b 2025-03-03T22:00 null null ");
        long seconds = Long.parseLong(rows.get(1).substring(rows.get(1).lastIndexOf(' ') + 1));
        assertThat(seconds).isBetween(before, after + 1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void currentStatePerInstanceIsEachBreakersLatestTransitionWithItsInstancesStatus(Kind kind) {
        List<String> rows = run(kind, "current_state_per_instance");

        assertThat(rows).hasSize(5);
        assertThat(rows.get(0))
                .isEqualTo("gw-a aramex closed 2025-03-02T14:52:10 17 trial 17 null 2025-03-04T00:00 stopped");
        assertThat(rows.get(1)).isEqualTo("gw-a smsa closed 2025-03-01T13:05 4 trial 4 ops 2025-03-04T00:00 stopped");
        assertThat(rows.get(2)).matches("gw-b aramex closed 2025-03-02T15:12:10 5 trial 5 null \\S+ live");
        assertThat(rows.get(3)).matches("gw-b smsa open 2025-03-03T22:02:01 5 trial 5 null \\S+ live");
        assertThat(rows.get(4)).isEqualTo("gw-c aramex open 2025-03-03T10:02:01 3 trial 3 null 2025-03-03T12:00 stale");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void instancesAreLiveStaleOrStoppedByTheirHeartbeats(Kind kind) {
        List<String> rows = run(kind, "instances");

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isEqualTo("gw-a gw-a 2025-03-01T09:00 2025-03-04T00:00 2025-03-04T00:00 stopped");
        assertThat(rows.get(1)).matches("gw-b gw-b 2025-03-01T09:30 \\S+ null live");
        assertThat(rows.get(2)).isEqualTo("gw-c gw-c 2025-03-03T09:00 2025-03-03T12:00 null stale");
    }

    /** The named query, as written in the file, its rows as space-separated values. */
    private List<String> run(Kind kind, String name) {
        String sql = queries.get(name);
        assertThat(sql).as(name).isNotNull();
        Database database = database(kind);
        new JdbiGatewayInstances(database.jdbi()).seen("gw-b", Instant.now()); // gw-b is alive
        return database.jdbi().withHandle(handle -> {
            try (Statement statement = handle.getConnection().createStatement();
                    ResultSet rs = statement.executeQuery(sql)) {
                return rows(rs);
            } catch (SQLException e) {
                throw new AssertionError("query " + name + " failed on " + kind + ": " + e.getMessage(), e);
            }
        });
    }

    private static List<String> rows(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> rows = new ArrayList<>();
        while (rs.next()) {
            StringJoiner row = new StringJoiner(" ");
            for (int column = 1; column <= meta.getColumnCount(); column++) {
                row.add(text(rs, column, meta.getColumnType(column)));
            }
            rows.add(row.toString());
        }
        return rows;
    }

    private static String text(ResultSet rs, int column, int type) throws SQLException {
        if (rs.getObject(column) == null) {
            return "null";
        }
        return switch (type) {
            case Types.DATE -> rs.getObject(column, LocalDate.class).toString();
            case Types.TIMESTAMP -> rs.getObject(column, LocalDateTime.class).toString();
            case Types.NUMERIC, Types.DECIMAL, Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.DOUBLE ->
                rs.getBigDecimal(column).stripTrailingZeros().toPlainString();
            default -> rs.getString(column);
        };
    }

    private Database database(Kind kind) {
        return databases.computeIfAbsent(kind, AuditQueriesIT::withKnownHistory);
    }

    private static Database withKnownHistory(Kind kind) {
        Database database = TestDatabases.open(kind);
        MutableClock clock = new MutableClock(Instant.parse("2025-03-04T00:00:00Z"));
        JdbiGatewayInstances instances = new JdbiGatewayInstances(database.jdbi());
        instances.started(GatewayInstance.starting("gw-a", "gw-a", utc("2025-03-01T09:00:00")));
        instances.stopped("gw-a", utc("2025-03-04T00:00:00"));
        instances.started(GatewayInstance.starting("gw-b", "gw-b", utc("2025-03-01T09:30:00")));
        instances.started(GatewayInstance.starting("gw-c", "gw-c", utc("2025-03-03T09:00:00")));
        instances.seen("gw-c", utc("2025-03-03T12:00:00"));
        try (JdbiCircuitTransitionLog gwA = new JdbiCircuitTransitionLog(database.jdbi(), "gw-a", clock, FAST);
                JdbiCircuitTransitionLog gwB = new JdbiCircuitTransitionLog(database.jdbi(), "gw-b", clock, FAST);
                JdbiCircuitTransitionLog gwC = new JdbiCircuitTransitionLog(database.jdbi(), "gw-c", clock, FAST)) {
            History a = new History(gwA);
            a.aramex(CLOSED, OPEN, "2025-03-01T10:00:00");
            a.aramex(OPEN, HALF_OPEN, "2025-03-01T10:02:00");
            a.aramex(HALF_OPEN, OPEN, "2025-03-01T10:02:05");
            a.aramex(OPEN, HALF_OPEN, "2025-03-01T10:04:05");
            a.aramex(HALF_OPEN, CLOSED, "2025-03-01T10:04:10");
            a.aramex(CLOSED, OPEN, "2025-03-01T23:30:00");
            a.aramex(OPEN, HALF_OPEN, "2025-03-02T00:30:00");
            a.aramex(HALF_OPEN, CLOSED, "2025-03-02T00:30:10");
            for (String opening : List.of("14:00", "14:20", "14:50")) {
                LocalDateTime at = LocalDateTime.parse("2025-03-02T" + opening + ":00");
                a.aramex(CLOSED, OPEN, at.toString());
                a.aramex(OPEN, HALF_OPEN, at.plusSeconds(120).toString());
                a.aramex(HALF_OPEN, CLOSED, at.plusSeconds(130).toString());
            }
            a.smsaByOps(CLOSED, DISABLED, "2025-03-01T12:00:00");
            a.smsaByOps(DISABLED, FORCED_OPEN, "2025-03-01T12:30:00");
            a.smsaByOps(FORCED_OPEN, DISABLED, "2025-03-01T13:00:00");
            a.smsaByOps(DISABLED, CLOSED, "2025-03-01T13:05:00");

            History b = new History(gwB);
            b.aramex(CLOSED, OPEN, "2025-03-01T10:03:00");
            b.add(ARAMEX, OPEN, CLOSED, "2025-03-01T10:10:00", Optional.of("ops"));
            b.aramex(CLOSED, OPEN, "2025-03-02T15:10:00");
            b.aramex(OPEN, HALF_OPEN, "2025-03-02T15:12:00");
            b.aramex(HALF_OPEN, CLOSED, "2025-03-02T15:12:10");
            b.smsaByOps(CLOSED, FORCED_OPEN, "2025-03-03T08:00:00");
            b.smsaByOps(FORCED_OPEN, CLOSED, "2025-03-03T09:00:00");
            b.add(SMSA, CLOSED, OPEN, "2025-03-03T22:00:00", Optional.empty());
            b.add(SMSA, OPEN, HALF_OPEN, "2025-03-03T22:02:00", Optional.empty());
            b.add(SMSA, HALF_OPEN, OPEN, "2025-03-03T22:02:01", Optional.empty());

            History c = new History(gwC);
            c.aramex(CLOSED, OPEN, "2025-03-03T10:00:00");
            c.aramex(OPEN, HALF_OPEN, "2025-03-03T10:02:00");
            c.aramex(HALF_OPEN, OPEN, "2025-03-03T10:02:01");
        }
        return database;
    }

    private static Instant utc(String localDateTime) {
        return LocalDateTime.parse(localDateTime).toInstant(ZoneOffset.UTC);
    }

    /** Feeds one instance's transitions with each carrier's sequence counted 1, 2, 3 … */
    private static final class History {

        private final JdbiCircuitTransitionLog log;
        private final Map<CarrierId, Long> sequences = new LinkedHashMap<>();

        History(JdbiCircuitTransitionLog log) {
            this.log = log;
        }

        void aramex(CircuitState from, CircuitState to, String utc) {
            add(ARAMEX, from, to, utc, Optional.empty());
        }

        void smsaByOps(CircuitState from, CircuitState to, String utc) {
            add(SMSA, from, to, utc, Optional.of("ops"));
        }

        void add(CarrierId carrier, CircuitState from, CircuitState to, String utc, Optional<String> actor) {
            long sequence = sequences.merge(carrier, 1L, Long::sum);
            log.onTransition(new CircuitStateChanged(
                    carrier,
                    from,
                    to,
                    LocalDateTime.parse(utc).toInstant(ZoneOffset.UTC),
                    "trial " + sequence,
                    sequence,
                    to == CLOSED ? 0 : 3,
                    to == CLOSED ? 2 : 0,
                    actor));
        }
    }

    private static Map<String, String> queries() {
        String text;
        try {
            text = Files.readString(QUERIES, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + QUERIES, e);
        }
        Map<String, String> queries = new LinkedHashMap<>();
        Matcher marker = NAME.matcher(text);
        String name = null;
        int start = 0;
        while (marker.find()) {
            if (name != null) {
                queries.put(name, statement(text.substring(start, marker.start())));
            }
            name = marker.group(1);
            start = marker.start();
        }
        if (name != null) {
            queries.put(name, statement(text.substring(start)));
        }
        return queries;
    }

    /** The text up to its terminating semicolon, which is the shell's, not the statement's. */
    private static String statement(String chunk) {
        String trimmed = chunk.strip();
        assertThat(trimmed).endsWith(";");
        return trimmed.substring(0, trimmed.length() - 1);
    }
}
