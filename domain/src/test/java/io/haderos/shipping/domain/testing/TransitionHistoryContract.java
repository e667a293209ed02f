package io.haderos.shipping.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import io.haderos.shipping.domain.circuit.RecordedTransition;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.port.out.CircuitTransitionListener;
import io.haderos.shipping.domain.port.out.TransitionHistory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The audit trail's contract ({@link CircuitTransitionListener} writing, {@link TransitionHistory} reading), one
 * suite for every implementation: extend it and open a fresh, empty trail in {@link #open}.
 */
public abstract class TransitionHistoryContract {

    private static final CarrierId ARAMEX = CarrierId.ARAMEX;
    private static final CarrierId SMSA = CarrierId.SMSA;
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Optional<Instant> ANY = Optional.empty();

    /** Microseconds, which every implementation keeps: {@code recorded_at} must read back exactly. */
    private final MutableClock clock = MutableClock.at("2025-03-02T00:00:00.654321Z");

    /**
     * A new, empty trail with one writer per instance id, all stamping {@code recorded_at} from {@code clock}.
     * The implementation closes what it opened after each test.
     */
    protected abstract Trail open(Clock clock, String... instanceIds);

    /**
     * What a test writes to and reads from.
     *
     * @param writers by instance id, each writing its rows under that id into the one trail
     * @param history reads what every writer wrote
     * @param awaitWritten returns once everything handed to the writers so far can be read (a writer may store
     *                     asynchronously); bounded, failing the test when it waits too long
     */
    protected record Trail(
            Map<String, CircuitTransitionListener> writers, TransitionHistory history, Runnable awaitWritten) {

        public Trail {
            writers = Map.copyOf(writers);
        }

        CircuitTransitionListener writer(String instanceId) {
            return writers.get(instanceId);
        }

        void flush() {
            awaitWritten.run();
        }
    }

    @Test
    void givenAnEmptyTrail_whenRead_thenNothing() {
        Trail trail = open(clock, "gw-a");

        assertThat(trail.history().transitions(ARAMEX, ANY, ANY, 1000)).isEmpty();
        assertThat(trail.history().latestPerInstance()).isEmpty();
    }

    @Test
    void givenTwoInstances_whenACarriersTransitionsAreRead_thenNewestFirst_tiesByInstanceThenHigherSequence() {
        TransitionHistory history = twoInstancesFlapping();

        assertThat(keys(history.transitions(ARAMEX, ANY, ANY, 1000)))
                .as("at 30 s both instances moved: the instance id breaks the tie; at 50 s gw-a moved twice")
                .containsExactly("gw-b#2", "gw-a#6", "gw-a#5", "gw-a#4", "gw-a#3", "gw-b#1", "gw-a#2", "gw-a#1");
    }

    @Test
    void givenSinceAndUntil_whenRead_thenSinceIsInclusiveAndUntilExclusive() {
        TransitionHistory history = twoInstancesFlapping();

        assertThat(keys(history.transitions(ARAMEX, Optional.of(at(20)), Optional.of(at(50)), 1000)))
                .containsExactly("gw-a#4", "gw-a#3", "gw-b#1", "gw-a#2");
        assertThat(keys(history.transitions(ARAMEX, Optional.of(at(50)), ANY, 1000)))
                .containsExactly("gw-b#2", "gw-a#6", "gw-a#5");
        assertThat(keys(history.transitions(ARAMEX, ANY, Optional.of(at(20)), 1000)))
                .containsExactly("gw-a#1");
        assertThat(history.transitions(ARAMEX, Optional.of(at(30)), Optional.of(at(30)), 1000))
                .as("an empty window is allowed")
                .isEmpty();
    }

    @Test
    void givenALimit_whenRead_thenTheNewestThatMany() {
        TransitionHistory history = twoInstancesFlapping();

        assertThat(keys(history.transitions(ARAMEX, Optional.of(at(40)), ANY, 2)))
                .containsExactly("gw-b#2", "gw-a#6");
        assertThat(keys(history.transitions(ARAMEX, ANY, ANY, 1))).containsExactly("gw-b#2");
    }

    @Test
    void whenACarriersTransitionsAreRead_thenNoOtherCarriersAreAmongThem() {
        TransitionHistory history = twoInstancesFlapping();

        assertThat(keys(history.transitions(SMSA, ANY, ANY, 1000))).containsExactly("gw-a#1");
        assertThat(history.transitions(CarrierId.of("dhl"), ANY, ANY, 1000)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1001, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void givenALimitOutside1To1000_whenRead_thenRefusedNamingLimit(int limit) {
        Trail trail = open(clock, "gw-a");

        Throwable thrown = catchThrowable(() -> trail.history().transitions(ARAMEX, ANY, ANY, limit));

        Refusals.assertRefusedNaming(thrown, "limit");
    }

    @Test
    void givenUntilBeforeSince_whenRead_thenRefusedNamingUntil() {
        Trail trail = open(clock, "gw-a");

        Throwable thrown = catchThrowable(() ->
                trail.history().transitions(ARAMEX, Optional.of(at(10)), Optional.of(at(10).minusNanos(1000)), 10));

        Refusals.assertRefusedNaming(thrown, "until");
    }

    @Test
    void whenATransitionIsReadBack_thenEveryFieldIsAsWritten() {
        Trail trail = open(clock, "gw-a");
        CircuitStateChanged forced = new CircuitStateChanged(
                SMSA,
                CircuitState.HALF_OPEN,
                CircuitState.FORCED_OPEN,
                Instant.parse("2025-03-01T23:59:59.123456Z"),
                "forced open: carrier maintenance window",
                7,
                2,
                1,
                Optional.of("ops@haderos.io"));
        CircuitStateChanged disabled = new CircuitStateChanged(
                SMSA,
                CircuitState.FORCED_OPEN,
                CircuitState.DISABLED,
                Instant.parse("2025-03-02T00:00:00Z"),
                "",
                8,
                0,
                0,
                Optional.empty());

        trail.writer("gw-a").onTransition(forced);
        trail.writer("gw-a").onTransition(disabled);
        trail.flush();

        assertThat(trail.history().transitions(SMSA, ANY, ANY, 10))
                .containsExactly(
                        new RecordedTransition("gw-a", disabled, clock.instant()),
                        new RecordedTransition("gw-a", forced, clock.instant()));
    }

    @Test
    void givenTwoInstancesAndTwoCarriers_whenTheLatestPerInstanceIsRead_thenEachBreakersLastTransition() {
        Trail trail = open(clock, "gw-a", "gw-b");
        trail.writer("gw-b").onTransition(event(ARAMEX, 1, CircuitState.CLOSED, CircuitState.OPEN, at(100)));
        trail.writer("gw-a").onTransition(event(SMSA, 1, CircuitState.CLOSED, CircuitState.OPEN, at(15)));
        trail.writer("gw-a").onTransition(event(ARAMEX, 1, CircuitState.CLOSED, CircuitState.OPEN, at(10)));
        trail.writer("gw-a").onTransition(event(ARAMEX, 2, CircuitState.OPEN, CircuitState.HALF_OPEN, at(20)));
        trail.flush();

        assertThat(trail.history().latestPerInstance())
                .as("ordered by instance, then carrier")
                .extracting(r -> r.instanceId() + " " + r.transition().carrier() + " #"
                        + r.transition().sequence() + " " + r.transition().to())
                .containsExactly("gw-a aramex #2 HALF_OPEN", "gw-a smsa #1 OPEN", "gw-b aramex #1 OPEN");
    }

    /**
     * Sequences restart at 1 in every process. Should an instance id ever come back (a configured id whose old rows
     * were pruned), the row that occurred last is still the current one, whatever its sequence.
     */
    @Test
    void givenAnInstanceIdWhoseSequenceRestarted_whenTheLatestIsRead_thenTheOneThatOccurredLastWins() {
        Trail trail = open(clock, "gw-fixed");
        trail.writer("gw-fixed").onTransition(event(ARAMEX, 9, CircuitState.HALF_OPEN, CircuitState.OPEN, at(10)));
        trail.writer("gw-fixed")
                .onTransition(event(ARAMEX, 1, CircuitState.CLOSED, CircuitState.FORCED_OPEN, at(3600)));
        trail.flush();

        assertThat(trail.history().latestPerInstance())
                .singleElement()
                .satisfies(latest -> assertThat(latest.transition().sequence()).isEqualTo(1))
                .satisfies(latest -> assertThat(latest.transition().to()).isEqualTo(CircuitState.FORCED_OPEN));
    }

    @Test
    void givenTwoTransitionsAtTheSameInstant_whenTheLatestIsRead_thenTheHigherSequenceWins() {
        Trail trail = open(clock, "gw-a");
        trail.writer("gw-a").onTransition(event(ARAMEX, 4, CircuitState.HALF_OPEN, CircuitState.CLOSED, at(10)));
        trail.writer("gw-a").onTransition(event(ARAMEX, 3, CircuitState.OPEN, CircuitState.HALF_OPEN, at(10)));
        trail.flush();

        assertThat(trail.history().latestPerInstance())
                .singleElement()
                .satisfies(latest -> assertThat(latest.transition().sequence()).isEqualTo(4));
    }

    @Test
    void givenTheSameTransitionDeliveredAgain_thenItIsStoredOnce_asFirstRecorded() {
        Trail trail = open(clock, "gw-a");
        CircuitStateChanged opened = event(ARAMEX, 1, CircuitState.CLOSED, CircuitState.OPEN, at(10));
        Instant firstRecorded = clock.instant();

        trail.writer("gw-a").onTransition(opened);
        trail.writer("gw-a").onTransition(opened);
        trail.flush();
        clock.advanceSeconds(60);
        trail.writer("gw-a").onTransition(opened);
        trail.flush();

        assertThat(trail.history().transitions(ARAMEX, ANY, ANY, 1000))
                .containsExactly(new RecordedTransition("gw-a", opened, firstRecorded));
    }

    @Test
    void givenOneSequenceOnTwoInstancesAndTwoCarriers_thenEachIsItsOwnRow() {
        Trail trail = open(clock, "gw-a", "gw-b");
        trail.writer("gw-a").onTransition(event(ARAMEX, 1, CircuitState.CLOSED, CircuitState.OPEN, at(10)));
        trail.writer("gw-a").onTransition(event(SMSA, 1, CircuitState.CLOSED, CircuitState.OPEN, at(10)));
        trail.writer("gw-b").onTransition(event(ARAMEX, 1, CircuitState.CLOSED, CircuitState.OPEN, at(10)));
        trail.flush();

        assertThat(keys(trail.history().transitions(ARAMEX, ANY, ANY, 1000))).containsExactly("gw-a#1", "gw-b#1");
        assertThat(keys(trail.history().transitions(SMSA, ANY, ANY, 1000))).containsExactly("gw-a#1");
    }

    @Test
    void givenNoEvent_whenNotified_thenNothingIsStoredAndNothingIsThrown() {
        Trail trail = open(clock, "gw-a");

        assertThatCode(() -> trail.writer("gw-a").onTransition(null)).doesNotThrowAnyException();
        trail.flush();

        assertThat(trail.history().latestPerInstance()).isEmpty();
    }

    /**
     * gw-a: aramex #1 … #6 at 10, 20, 30, 40, 50 and 50 s, smsa #1 at 25 s; gw-b: aramex #1 at 30 s, #2 at 60 s.
     */
    private TransitionHistory twoInstancesFlapping() {
        Trail trail = open(clock, "gw-a", "gw-b");
        CircuitTransitionListener gwA = trail.writer("gw-a");
        CircuitTransitionListener gwB = trail.writer("gw-b");
        for (long sequence = 1; sequence <= 5; sequence++) {
            gwA.onTransition(event(ARAMEX, sequence, CircuitState.CLOSED, CircuitState.OPEN, at(10 * sequence)));
        }
        gwA.onTransition(event(ARAMEX, 6, CircuitState.OPEN, CircuitState.HALF_OPEN, at(50)));
        gwA.onTransition(event(SMSA, 1, CircuitState.CLOSED, CircuitState.OPEN, at(25)));
        gwB.onTransition(event(ARAMEX, 1, CircuitState.CLOSED, CircuitState.OPEN, at(30)));
        gwB.onTransition(event(ARAMEX, 2, CircuitState.OPEN, CircuitState.HALF_OPEN, at(60)));
        trail.flush();
        return trail.history();
    }

    private static CircuitStateChanged event(
            CarrierId carrier, long sequence, CircuitState from, CircuitState to, Instant at) {
        return new CircuitStateChanged(
                carrier, from, to, at, "test transition " + sequence, sequence, 3, 0, Optional.empty());
    }

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static List<String> keys(List<RecordedTransition> transitions) {
        return transitions.stream()
                .map(r -> r.instanceId() + "#" + r.transition().sequence())
                .toList();
    }
}
