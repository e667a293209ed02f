package io.haderos.shipping.adapter.jdbi;

import io.haderos.shipping.adapter.jdbi.JdbiCircuitTransitionLogFixtures.TestDatabase;
import io.haderos.shipping.adapter.jdbi.TestDatabases.Kind;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.CircuitStateChanged;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the read side of the audit trail does on H2 and PostgreSQL beyond the port's contract
 * ({@code TransitionHistoryContract}, run by {@link TransitionHistoryH2IT} and {@link TransitionHistoryPostgresIT}):
 * how rows are stored, and what a read does while the database is away.
 */
class TransitionHistoryIT {

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
    void whenATransitionIsStored_thenItsTimeIsCutToTheMicrosecond_andItsStatesAreSpelledAsTheRestApiDoes(Kind kind) {
        TestDatabase db = database(kind);
        JdbiCircuitTransitionLog log = log(db, "gw-a");

        log.onTransition(new CircuitStateChanged(CarrierId.SMSA, CircuitState.HALF_OPEN, CircuitState.FORCED_OPEN,
                Instant.parse("2025-03-01T23:59:59.123456789Z"), "forced open", 7, 2, 1, Optional.of("ops")));
        log.close();

        assertThat(log.transitions(CarrierId.SMSA, Optional.empty(), Optional.empty(), 10)).singleElement()
                .satisfies(read -> assertThat(read.transition().at())
                        .isEqualTo(Instant.parse("2025-03-01T23:59:59.123456Z")));
        String states = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT from_state || ' ' || to_state FROM circuit_transition").mapTo(String.class).one());
        assertThat(states).as("state names as the REST API spells them")
                .isEqualTo("half_open forced_open");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void givenTheDatabaseIsAway_whenRead_thenAnIllegalStateExceptionSaysSo(Kind kind) {
        TestDatabase db = database(kind);
        JdbiCircuitTransitionLog log = log(db, "gw-a");
        db.dataSource.goAway();

        assertThatThrownBy(() -> log.transitions(CarrierId.ARAMEX, Optional.empty(), Optional.empty(), 10))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("audit trail cannot be read: SQLTransientConnectionException")
                .hasMessageNotContaining(JdbiCircuitTransitionLogFixtures.FlakyDataSource.SECRET);
        assertThatThrownBy(log::latestPerInstance).isInstanceOf(IllegalStateException.class);
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
