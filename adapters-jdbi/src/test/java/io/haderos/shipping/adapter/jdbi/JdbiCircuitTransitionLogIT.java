package io.haderos.shipping.adapter.jdbi;

import static io.haderos.shipping.adapter.jdbi.JdbiCircuitTransitionLogFixtures.FAST;
import static io.haderos.shipping.adapter.jdbi.JdbiCircuitTransitionLogFixtures.PATIENCE;
import static io.haderos.shipping.adapter.jdbi.JdbiCircuitTransitionLogFixtures.event;
import static io.haderos.shipping.adapter.jdbi.JdbiCircuitTransitionLogFixtures.flap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.haderos.shipping.adapter.jdbi.JdbiCircuitTransitionLogFixtures.FlakyDataSource;
import io.haderos.shipping.adapter.jdbi.JdbiCircuitTransitionLogFixtures.TestDatabase;
import io.haderos.shipping.adapter.jdbi.TestDatabases.Kind;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.policy.Alert;
import io.haderos.shipping.domain.policy.Alert.Severity;
import io.haderos.shipping.domain.port.out.TransitionHistoryUnavailableException;
import io.haderos.shipping.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The JDBI audit trail on H2 and on PostgreSQL, beyond the port's contract (TransitionHistoryH2IT/PostgresIT):
 * batching, retries, duplicates, alerts, and how rows are stored and read while the database is away.
 */
class JdbiCircuitTransitionLogIT {

    private static final CarrierId ARAMEX = CarrierId.ARAMEX;
    private static final CarrierId SMSA = CarrierId.SMSA;
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void givenTheDatabaseIsAway_whenItComesBack_thenTheWaitingTransitionsAreWrittenInOrderInBatches(Kind kind) {
        TestDatabase db = database(kind);
        db.dataSource.goAway();
        JdbiCircuitTransitionLog log = log(db, "gw-a", FAST.withBatchSize(3));

        log.onTransition(flap(ARAMEX, 1, T0));
        // The writer holds #1 and retries it; the rest queue up behind it.
        await().atMost(PATIENCE).until(() -> !log.alerts().isEmpty());
        LongStream.rangeClosed(2, 10).forEach(sequence -> log.onTransition(flap(ARAMEX, sequence, T0)));
        assertThat(log.backlog()).isEqualTo(10);

        db.dataSource.comeBack();

        await().atMost(PATIENCE).until(() -> log.backlog() == 0);
        assertThat(db.sequencesInInsertOrder("gw-a", ARAMEX)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(db.dataSource.commits())
                .as("transactions: #1, then three of 3")
                .isEqualTo(4);
        assertThat(log.alerts()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void givenTheSameTransitionTwice_whenWritten_thenOneRowAndNoAlert(Kind kind) {
        TestDatabase db = database(kind);
        JdbiCircuitTransitionLog log = log(db, "gw-a", FAST);
        CircuitStateChanged opened = event(ARAMEX, 1, CircuitState.CLOSED, CircuitState.OPEN, T0);

        log.onTransition(opened);
        log.onTransition(opened);
        await().atMost(PATIENCE).until(() -> log.backlog() == 0);
        log.onTransition(opened);
        log.close();

        assertThat(db.rows()).isEqualTo(1);
        assertThat(log.alerts()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void givenABatchCommittedButItsAcknowledgementLost_whenRetried_thenEveryRowIsStoredOnce(Kind kind) {
        TestDatabase db = database(kind);
        db.dataSource.failNextCommitAfterCommitting();
        JdbiCircuitTransitionLog log = log(db, "gw-a", FAST);

        LongStream.rangeClosed(1, 5).forEach(sequence -> log.onTransition(flap(ARAMEX, sequence, T0)));
        await().atMost(PATIENCE).until(() -> log.backlog() == 0);

        assertThat(db.sequencesInInsertOrder("gw-a", ARAMEX)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(db.dataSource.commits())
                .as("the first commit was reported lost and retried")
                .isGreaterThan(1);
        assertThat(log.alerts()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void givenManyQueuedTransitions_whenClosed_thenAllAreStoredBeforeCloseReturns(Kind kind) {
        TestDatabase db = database(kind);
        JdbiCircuitTransitionLog log = log(db, "gw-a", FAST);

        LongStream.rangeClosed(1, 400).forEach(sequence -> log.onTransition(flap(ARAMEX, sequence, T0)));
        LongStream.rangeClosed(1, 100).forEach(sequence -> log.onTransition(flap(SMSA, sequence, T0)));
        log.close();

        assertThat(db.rows()).isEqualTo(500);
        assertThat(log.backlog()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void givenTheDatabaseIsAwayAtShutdown_whenClosed_thenCloseGivesUpAfterItsTimeout_andLaterTransitionsAreOnlyLogged(
            Kind kind) {
        TestDatabase db = database(kind);
        db.dataSource.goAway();
        JdbiCircuitTransitionLog log = log(db, "gw-a", FAST.withCloseTimeout(Duration.ofMillis(300)));
        log.onTransition(flap(ARAMEX, 1, T0));
        log.onTransition(flap(ARAMEX, 2, T0));

        // Would hang without its timeout, since the database never answers: the bound only turns that into a failure.
        assertTimeoutPreemptively(PATIENCE, log::close);
        db.dataSource.comeBack();
        log.onTransition(flap(ARAMEX, 3, T0));
        assertThat(log.backlog()).isEqualTo(2);
        assertThat(db.rows()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void givenTheQueueIsFull_whenMoreTransitionsArrive_thenTheyAreCountedAsLost_andACriticalAlertIsRaised(Kind kind) {
        TestDatabase db = database(kind);
        db.dataSource.goAway();
        JdbiCircuitTransitionLog log = log(db, "gw-a", FAST.withQueueCapacity(3));

        LongStream.rangeClosed(1, 5).forEach(sequence -> log.onTransition(flap(ARAMEX, sequence, T0)));

        assertThat(log.backlog()).isEqualTo(3);
        assertThat(log.lost()).isEqualTo(2);
        assertThat(log.alerts()).anySatisfy(alert -> {
            assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(alert.message()).startsWith("audit trail: 2 transitions lost");
        });

        db.dataSource.comeBack();
        await().atMost(PATIENCE).until(() -> log.backlog() == 0);
        assertThat(db.sequencesInInsertOrder("gw-a", ARAMEX)).containsExactly(1L, 2L, 3L);
        assertThat(log.alerts()).singleElement().extracting(Alert::severity).isEqualTo(Severity.CRITICAL);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void givenWritesFail_thenAWarningNamesTheBacklogTheOutageAndItsReasonWithoutSecrets_untilCaughtUp(Kind kind) {
        TestDatabase db = database(kind);
        db.dataSource.goAway();
        JdbiCircuitTransitionLog log = log(db, "gw-a", FAST);
        Instant wentAway = clock.instant();

        log.onTransition(flap(ARAMEX, 1, T0));
        log.onTransition(flap(SMSA, 1, T0));

        await().atMost(PATIENCE).until(() -> !log.alerts().isEmpty());
        clock.advanceSeconds(60);
        Alert alert = log.alerts().get(0);
        assertThat(alert.severity()).isEqualTo(Severity.WARNING);
        assertThat(alert.since()).isEqualTo(wentAway);
        assertThat(alert.message())
                .startsWith("audit trail: 2 transitions waiting to be written; database unavailable since " + wentAway
                        + ": SQLTransientConnectionException: Connection to")
                .doesNotContain(FlakyDataSource.SECRET);

        db.dataSource.comeBack();
        await().atMost(PATIENCE).until(() -> log.alerts().isEmpty());
        assertThat(db.rows()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void givenASlowDatabase_whenTheOldestTransitionWaitsLongerThanTheAlertAge_thenAWarning(Kind kind) {
        TestDatabase db = database(kind);
        db.dataSource.hang();
        JdbiCircuitTransitionLog log = log(db, "gw-a", FAST.withBacklogAlertAge(Duration.ofSeconds(5)));
        Instant queuedAt = clock.instant();

        log.onTransition(flap(ARAMEX, 1, T0));
        clock.advanceSeconds(4);
        assertThat(log.alerts()).isEmpty();
        clock.advanceSeconds(1);
        assertThat(log.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.severity()).isEqualTo(Severity.WARNING);
            assertThat(alert.message())
                    .isEqualTo("audit trail: 1 transition waiting to be written; the oldest since " + queuedAt);
        });

        db.dataSource.release();
        await().atMost(PATIENCE).until(() -> log.alerts().isEmpty());
        assertThat(db.rows()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void givenAnInstanceIdUsedByAnEarlierProcess_whenItsSequencesCollide_thenACriticalAlertInsteadOfSilence(Kind kind) {
        TestDatabase db = database(kind);
        JdbiCircuitTransitionLog earlier = log(db, "gw-fixed", FAST);
        earlier.onTransition(event(ARAMEX, 1, CircuitState.CLOSED, CircuitState.OPEN, T0));
        earlier.close();

        JdbiCircuitTransitionLog restarted = log(db, "gw-fixed", FAST);
        restarted.onTransition(event(ARAMEX, 1, CircuitState.CLOSED, CircuitState.FORCED_OPEN, T0.plusSeconds(3600)));
        await().atMost(PATIENCE).until(() -> restarted.backlog() == 0);

        assertThat(db.rows()).isEqualTo(1);
        assertThat(restarted.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(alert.message()).contains("1 transition not recorded", "'gw-fixed'", "unique per process start");
        });
    }

    /**
     * The fault test of docs/architecture.md#operations: breakers keep flapping on their own threads while the database goes away and
     * comes back, once with a commit whose acknowledgement is lost. Callers never touch the database, and in the end
     * every transition is stored exactly once, each carrier's sequence 1..N without a gap, in order.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void givenBreakersFlapWhileTheDatabaseComesAndGoes_thenCallersNeverWait_andEveryTransitionIsStoredOnceInOrder(
            Kind kind) throws Exception {
        TestDatabase db = database(kind);
        JdbiCircuitTransitionLog log = log(db, "gw-a", FAST.withBatchSize(20));
        int perCarrier = 300;
        ExecutorService breakers = Executors.newFixedThreadPool(2, runnable -> new Thread(runnable, "carrier-call"));
        try {
            List<Future<?>> publishers = new ArrayList<>();
            for (CarrierId carrier : List.of(ARAMEX, SMSA)) {
                publishers.add(breakers.submit(() -> {
                    for (long sequence = 1; sequence <= perCarrier; sequence++) {
                        // Outside the timed call: make sure the writer meets each phase, however fast this runs.
                        if (carrier.equals(ARAMEX) && sequence == 50) {
                            db.dataSource.goAway();
                            await().atMost(PATIENCE).until(() -> !log.alerts().isEmpty());
                        }
                        if (carrier.equals(ARAMEX) && sequence == 200) {
                            int committed = db.dataSource.commits();
                            db.dataSource.failNextCommitAfterCommitting();
                            db.dataSource.comeBack();
                            // The commit whose acknowledgement is lost, then the retry that finds its rows stored.
                            await().atMost(PATIENCE).until(() -> db.dataSource.commits() >= committed + 2);
                        }
                        if (carrier.equals(ARAMEX) && sequence == 250) {
                            db.dataSource.goAway();
                        }
                        log.onTransition(flap(carrier, sequence, T0));
                    }
                    return null;
                }));
            }
            for (Future<?> publisher : publishers) {
                publisher.get();
            }
        } finally {
            breakers.shutdown();
        }
        assertThat(log.backlog()).as("waiting while the database is away").isPositive();

        db.dataSource.comeBack();
        await().atMost(PATIENCE).until(() -> log.backlog() == 0);

        List<Long> expected = LongStream.rangeClosed(1, perCarrier).boxed().toList();
        assertThat(db.sequencesInInsertOrder("gw-a", ARAMEX)).isEqualTo(expected);
        assertThat(db.sequencesInInsertOrder("gw-a", SMSA)).isEqualTo(expected);
        assertThat(db.rows()).isEqualTo(2 * perCarrier);
        assertThat(db.dataSource.callerThreads()).containsOnly("audit-trail-writer");
        assertThat(log.alerts()).isEmpty();
        assertThat(log.lost()).isZero();
    }

    // Reading back: how rows are stored, and what a read does while the database is away.

    @ParameterizedTest
    @EnumSource(Kind.class)
    void whenATransitionIsStored_thenItsTimeIsCutToTheMicrosecond_andItsStatesAreSpelledAsTheRestApiDoes(Kind kind) {
        TestDatabase db = database(kind);
        JdbiCircuitTransitionLog log = log(db, "gw-a", FAST);

        log.onTransition(new CircuitStateChanged(
                CarrierId.SMSA,
                CircuitState.HALF_OPEN,
                CircuitState.FORCED_OPEN,
                Instant.parse("2025-03-01T23:59:59.123456789Z"),
                "forced open",
                7,
                2,
                1,
                Optional.of("ops")));
        log.close();

        assertThat(log.transitions(CarrierId.SMSA, Optional.empty(), Optional.empty(), 10))
                .singleElement()
                .satisfies(read ->
                        assertThat(read.transition().at()).isEqualTo(Instant.parse("2025-03-01T23:59:59.123456Z")));
        String states = db.jdbi()
                .withHandle(h -> h.createQuery("SELECT from_state || ' ' || to_state FROM circuit_transition")
                        .mapTo(String.class)
                        .one());
        assertThat(states).as("state names as the REST API spells them").isEqualTo("half_open forced_open");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void givenTheDatabaseIsAway_whenRead_thenTheHistoryIsUnavailableAndSaysWhy(Kind kind) {
        TestDatabase db = database(kind);
        JdbiCircuitTransitionLog log = log(db, "gw-a", FAST);
        db.dataSource.goAway();

        assertThatThrownBy(() -> log.transitions(CarrierId.ARAMEX, Optional.empty(), Optional.empty(), 10))
                .isInstanceOf(TransitionHistoryUnavailableException.class)
                .hasMessageStartingWith("audit trail cannot be read: SQLTransientConnectionException")
                .hasMessageNotContaining(JdbiCircuitTransitionLogFixtures.FlakyDataSource.SECRET);
        assertThatThrownBy(log::latestPerInstance).isInstanceOf(TransitionHistoryUnavailableException.class);
    }

    private TestDatabase database(Kind kind) {
        TestDatabase db = TestDatabase.open(kind);
        opened.add(db);
        return db;
    }

    private JdbiCircuitTransitionLog log(
            TestDatabase db, String instanceId, JdbiCircuitTransitionLog.Settings settings) {
        JdbiCircuitTransitionLog log = new JdbiCircuitTransitionLog(db.flakyJdbi(), instanceId, clock, settings);
        opened.add(log);
        return log;
    }
}
