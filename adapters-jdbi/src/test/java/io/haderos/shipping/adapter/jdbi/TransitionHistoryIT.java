package io.haderos.shipping.adapter.jdbi;

import io.haderos.shipping.adapter.jdbi.JdbiCircuitTransitionLogFixtures.TestDatabase;
import io.haderos.shipping.adapter.jdbi.TestDatabases.Kind;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import io.haderos.shipping.domain.circuit.RecordedTransition;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.haderos.shipping.adapter.jdbi.JdbiCircuitTransitionLogFixtures.FAST;
import static io.haderos.shipping.adapter.jdbi.JdbiCircuitTransitionLogFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The read side of the audit trail ({@code TransitionHistory}), on H2 and on PostgreSQL. */
class TransitionHistoryIT {

    private static final CarrierId ARAMEX = CarrierId.ARAMEX;
    private static final CarrierId SMSA = CarrierId.SMSA;
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-02T00:00:00Z"));
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void givenTwoInstances_whenACarriersTransitionsAreRead_thenNewestFirstWithinSinceInclusiveAndUntilExclusive(
            Kind kind) {
        TestDatabase db = database(kind);
        JdbiCircuitTransitionLog gwA = log(db, "gw-a");
        JdbiCircuitTransitionLog gwB = log(db, "gw-b");
        for (long sequence = 1; sequence <= 5; sequence++) {
            gwA.onTransition(event(ARAMEX, sequence, CircuitState.CLOSED, CircuitState.OPEN, at(10 * sequence)));
        }
        gwA.onTransition(event(SMSA, 1, CircuitState.CLOSED, CircuitState.OPEN, at(25)));
        gwB.onTransition(event(ARAMEX, 1, CircuitState.CLOSED, CircuitState.OPEN, at(30)));
        gwB.onTransition(event(ARAMEX, 2, CircuitState.OPEN, CircuitState.HALF_OPEN, at(60)));
        gwA.close();
        gwB.close();
        JdbiCircuitTransitionLog reader = log(db, "gw-reader");

        assertThat(keys(reader.transitions(ARAMEX, Optional.empty(), Optional.empty(), 1000)))
                .as("at 30 s both instances moved: instance id breaks the tie")
                .containsExactly("gw-b#2", "gw-a#5", "gw-a#4", "gw-a#3", "gw-b#1", "gw-a#2", "gw-a#1");
        assertThat(keys(reader.transitions(ARAMEX, Optional.of(at(20)), Optional.of(at(50)), 1000)))
                .containsExactly("gw-a#4", "gw-a#3", "gw-b#1", "gw-a#2");
        assertThat(keys(reader.transitions(ARAMEX, Optional.of(at(40)), Optional.empty(), 2)))
                .containsExactly("gw-b#2", "gw-a#5");
        assertThat(keys(reader.transitions(ARAMEX, Optional.empty(), Optional.of(at(20)), 1000)))
                .containsExactly("gw-a#1");
        assertThat(keys(reader.transitions(ARAMEX, Optional.of(at(30)), Optional.of(at(30)), 1000))).isEmpty();
        assertThat(keys(reader.transitions(SMSA, Optional.empty(), Optional.empty(), 1))).containsExactly("gw-a#1");
        assertThat(reader.transitions(CarrierId.of("dhl"), Optional.empty(), Optional.empty(), 10)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void whenATransitionIsReadBack_thenEveryFieldIsAsWritten(Kind kind) {
        TestDatabase db = database(kind);
        JdbiCircuitTransitionLog log = log(db, "gw-a");
        CircuitStateChanged forced = new CircuitStateChanged(SMSA, CircuitState.HALF_OPEN, CircuitState.FORCED_OPEN,
                Instant.parse("2025-03-01T23:59:59.123456789Z"), "forced open: carrier maintenance window", 7, 2, 1,
                Optional.of("ops@haderos.io"));
        CircuitStateChanged disabled = new CircuitStateChanged(SMSA, CircuitState.FORCED_OPEN, CircuitState.DISABLED,
                Instant.parse("2025-03-02T00:00:00Z"), "", 8, 0, 0, Optional.empty());

        log.onTransition(forced);
        log.onTransition(disabled);
        log.close();

        List<RecordedTransition> read = log.transitions(SMSA, Optional.empty(), Optional.empty(), 10);
        assertThat(read).containsExactly(
                new RecordedTransition("gw-a", disabled, clock.instant()),
                new RecordedTransition("gw-a", new CircuitStateChanged(SMSA, CircuitState.HALF_OPEN,
                        CircuitState.FORCED_OPEN, Instant.parse("2025-03-01T23:59:59.123456Z"),
                        "forced open: carrier maintenance window", 7, 2, 1, Optional.of("ops@haderos.io")),
                        clock.instant()));
        List<String> states = db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT from_state || ' ' || to_state FROM circuit_transition ORDER BY sequence")
                .mapTo(String.class).list());
        assertThat(states)
                .as("state names as the REST API spells them")
                .containsExactly("half_open forced_open", "forced_open disabled");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void givenTwoInstances_whenTheLatestPerInstanceIsRead_thenEachBreakersLastTransition(Kind kind) {
        TestDatabase db = database(kind);
        JdbiCircuitTransitionLog gwA = log(db, "gw-a");
        JdbiCircuitTransitionLog gwB = log(db, "gw-b");
        gwA.onTransition(event(ARAMEX, 1, CircuitState.CLOSED, CircuitState.OPEN, at(10)));
        gwA.onTransition(event(ARAMEX, 2, CircuitState.OPEN, CircuitState.HALF_OPEN, at(20)));
        gwA.onTransition(event(SMSA, 1, CircuitState.CLOSED, CircuitState.OPEN, at(15)));
        gwB.onTransition(event(ARAMEX, 1, CircuitState.CLOSED, CircuitState.OPEN, at(100)));
        gwA.close();
        gwB.close();

        assertThat(gwA.latestPerInstance())
                .extracting(r -> r.instanceId() + " " + r.transition().carrier() + " #" + r.transition().sequence()
                        + " " + r.transition().to())
                .containsExactly("gw-a aramex #2 HALF_OPEN", "gw-a smsa #1 OPEN", "gw-b aramex #1 OPEN");
    }

    /**
     * Sequences restart at 1 in every process. Should an instance id ever come back (a configured id whose old rows
     * were pruned), the row that occurred last is still the current one, whatever its sequence.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void givenAnInstanceIdWhoseSequenceRestarted_whenTheLatestIsRead_thenTheOneThatOccurredLastWins(Kind kind) {
        TestDatabase db = database(kind);
        JdbiCircuitTransitionLog earlier = log(db, "gw-fixed");
        earlier.onTransition(event(ARAMEX, 9, CircuitState.HALF_OPEN, CircuitState.OPEN, at(10)));
        earlier.close();
        JdbiCircuitTransitionLog restarted = log(db, "gw-fixed");
        restarted.onTransition(event(ARAMEX, 1, CircuitState.CLOSED, CircuitState.FORCED_OPEN, at(3600)));
        restarted.close();

        assertThat(restarted.latestPerInstance()).singleElement()
                .satisfies(latest -> assertThat(latest.transition().sequence()).isEqualTo(1))
                .satisfies(latest -> assertThat(latest.transition().to()).isEqualTo(CircuitState.FORCED_OPEN));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void givenTheDatabaseIsAway_whenRead_thenAnIllegalStateExceptionSaysSo(Kind kind) {
        TestDatabase db = database(kind);
        JdbiCircuitTransitionLog log = log(db, "gw-a");
        db.dataSource.goAway();

        assertThatThrownBy(() -> log.transitions(ARAMEX, Optional.empty(), Optional.empty(), 10))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("audit trail cannot be read: SQLTransientConnectionException")
                .hasMessageNotContaining(JdbiCircuitTransitionLogFixtures.FlakyDataSource.SECRET);
        assertThatThrownBy(log::latestPerInstance).isInstanceOf(IllegalStateException.class);
    }

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static List<String> keys(List<RecordedTransition> transitions) {
        return transitions.stream().map(r -> r.instanceId() + "#" + r.transition().sequence()).toList();
    }

    private TestDatabase database(Kind kind) {
        TestDatabase db = TestDatabase.open(kind);
        opened.add(db);
        return db;
    }

    private JdbiCircuitTransitionLog log(TestDatabase db, String instanceId) {
        JdbiCircuitTransitionLog log = new JdbiCircuitTransitionLog(db.flakyJdbi(), instanceId, clock, FAST);
        opened.add(log);
        return log;
    }
}
