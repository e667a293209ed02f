package io.haderos.shipping.domain.policy;

import static io.haderos.shipping.domain.circuit.CircuitState.CLOSED;
import static io.haderos.shipping.domain.circuit.CircuitState.DISABLED;
import static io.haderos.shipping.domain.circuit.CircuitState.FORCED_OPEN;
import static io.haderos.shipping.domain.circuit.CircuitState.HALF_OPEN;
import static io.haderos.shipping.domain.circuit.CircuitState.OPEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.policy.OutageNotice.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** docs/architecture.md#operations: one notice when a breaker stops calls, one when it is closed again; nothing in between. */
class OutageNoticesTest {

    private static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");

    private final OutageNotices notices = new OutageNotices();
    private final List<OutageNotice> sent = new ArrayList<>();
    private long sequence;

    private void move(CarrierId carrier, CircuitState from, CircuitState to, long secondsAfterT0, String actor) {
        CircuitStateChanged change = new CircuitStateChanged(
                carrier,
                from,
                to,
                T0.plusSeconds(secondsAfterT0),
                from + " to " + to,
                ++sequence,
                0,
                0,
                Optional.ofNullable(actor));
        notices.on(change).ifPresent(sent::add);
    }

    @Test
    void anOutageWithFailedTrialsGivesOneOpeningAndOneRecoveryWithItsDuration() {
        move(CarrierId.ARAMEX, CLOSED, OPEN, 0, null);
        move(CarrierId.ARAMEX, OPEN, HALF_OPEN, 120, null);
        move(CarrierId.ARAMEX, HALF_OPEN, OPEN, 121, null);
        move(CarrierId.ARAMEX, OPEN, HALF_OPEN, 241, null);
        move(CarrierId.ARAMEX, HALF_OPEN, CLOSED, 245, null);

        assertThat(sent).extracting(OutageNotice::kind).containsExactly(Kind.OPENED, Kind.RECOVERED);
        assertThat(sent.get(0).cause()).isEqualTo("CLOSED to OPEN");
        assertThat(sent.get(0).openFor()).isEmpty();
        assertThat(sent.get(1).openFor()).contains(Duration.ofSeconds(245));
        assertThat(sent.get(1).headline()).isEqualTo("aramex circuit recovered (CLOSED) after 4 min 5 s open");
    }

    @Test
    void operatorActionsCountAndCarryTheActor() {
        move(CarrierId.SMSA, CLOSED, FORCED_OPEN, 0, "nora");
        move(CarrierId.SMSA, FORCED_OPEN, CLOSED, 3600, "nora");

        assertThat(sent).extracting(OutageNotice::kind).containsExactly(Kind.OPENED, Kind.RECOVERED);
        assertThat(sent).extracting(OutageNotice::actor).containsOnly(Optional.of("nora"));
        assertThat(sent.get(1).openFor()).contains(Duration.ofHours(1));
    }

    @Test
    void movesBetweenServingStatesAndResetsSayNothing() {
        move(CarrierId.ARAMEX, CLOSED, CLOSED, 0, "nora");
        move(CarrierId.ARAMEX, CLOSED, DISABLED, 1, "nora");
        move(CarrierId.ARAMEX, DISABLED, CLOSED, 2, "nora");

        assertThat(sent).isEmpty();
    }

    @Test
    void carriersAreTrackedApart() {
        move(CarrierId.ARAMEX, CLOSED, OPEN, 0, null);
        move(CarrierId.SMSA, CLOSED, OPEN, 10, null);
        move(CarrierId.SMSA, OPEN, CLOSED, 70, null);
        move(CarrierId.ARAMEX, OPEN, CLOSED, 300, null);

        assertThat(sent)
                .extracting(n ->
                        n.carrier().value() + " " + n.kind() + " " + n.openFor().orElse(null))
                .containsExactly(
                        "aramex OPENED null", "smsa OPENED null", "smsa RECOVERED PT1M", "aramex RECOVERED PT5M");
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertThat(OutageNotice.humanDuration(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(OutageNotice.humanDuration(Duration.ofSeconds(725))).isEqualTo("12 min 5 s");
        assertThat(OutageNotice.humanDuration(Duration.ofMinutes(123))).isEqualTo("2 h 3 min");
    }
}
