package io.haderos.shipping.domain.testing;

import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import io.haderos.shipping.domain.circuit.RecordedTransition;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.Checks;
import io.haderos.shipping.domain.port.out.CircuitTransitionListener;
import io.haderos.shipping.domain.port.out.TransitionHistory;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

/**
 * The breakers' audit trail in memory, written by one gateway instance: the reference for the contract of
 * {@link CircuitTransitionListener} and {@link TransitionHistory}, for tests and for a single gateway process that
 * may forget its history on restart.
 *
 * <p>{@link #onTransition} stores at once, so what it was given can be read as soon as it returns. Rows are
 * idempotent on (instance id, carrier, sequence): an event delivered again under a stored key is ignored. Times are
 * kept exactly as given. Thread-safe.
 *
 * <p>Several instances can share one trail, as gateway processes share one database: see {@link #forInstance}.
 */
public final class InMemoryCircuitTransitionLog implements CircuitTransitionListener, TransitionHistory {

    /** Occurrence descending, then instance ascending, then sequence descending, as the JDBI adapter orders. */
    private static final Comparator<RecordedTransition> NEWEST_FIRST = Comparator.comparing(
                    (RecordedTransition r) -> r.transition().at())
            .reversed()
            .thenComparing(RecordedTransition::instanceId)
            .thenComparing(Comparator.comparingLong(
                            (RecordedTransition r) -> r.transition().sequence())
                    .reversed());

    private static final Comparator<RecordedTransition> BY_INSTANCE_THEN_CARRIER = Comparator.comparing(
                    RecordedTransition::instanceId)
            .thenComparing(r -> r.transition().carrier().value());

    /** Of two rows of one breaker, the one that occurred last; the higher sequence breaks a tie. */
    private static final BinaryOperator<RecordedTransition> LATER = (a, b) -> {
        int byTime = a.transition().at().compareTo(b.transition().at());
        if (byTime != 0) {
            return byTime > 0 ? a : b;
        }
        return a.transition().sequence() >= b.transition().sequence() ? a : b;
    };

    private final String instanceId;
    private final Clock clock;
    private final ConcurrentMap<Key, RecordedTransition> rows;

    /**
     * An empty trail, written under {@code instanceId}.
     *
     * @param instanceId this process among all that share the trail; at most 100 characters
     * @param clock      gives {@code recorded_at}
     * @throws InvalidValueException when the instance id is blank or longer than 100 characters
     */
    public InMemoryCircuitTransitionLog(String instanceId, Clock clock) {
        this(instanceId, clock, new ConcurrentHashMap<>());
    }

    private InMemoryCircuitTransitionLog(String instanceId, Clock clock, ConcurrentMap<Key, RecordedTransition> rows) {
        this.instanceId = Checks.text(instanceId, "instance_id", 100);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rows = rows;
    }

    /**
     * The log of another gateway instance on this trail, with the same clock: what either writes, both read.
     *
     * @throws InvalidValueException when the instance id is blank or longer than 100 characters
     */
    public InMemoryCircuitTransitionLog forInstance(String instanceId) {
        return new InMemoryCircuitTransitionLog(instanceId, clock, rows);
    }

    /** The id this log writes its rows under. */
    public String instanceId() {
        return instanceId;
    }

    /** Stores the transition, unless its key is stored already; ignores {@code null}; never throws. */
    @Override
    public void onTransition(CircuitStateChanged event) {
        if (event == null) {
            return;
        }
        rows.computeIfAbsent(
                new Key(instanceId, event.carrier(), event.sequence()),
                key -> new RecordedTransition(instanceId, event, clock.instant()));
    }

    /**
     * {@inheritDoc}
     *
     * @param limit 1 to {@value #MAX_LIMIT}
     * @throws InvalidValueException naming {@code limit} when it is out of range, or {@code until} when it is before
     *                               {@code since}
     */
    @Override
    public List<RecordedTransition> transitions(
            CarrierId carrier, Optional<Instant> since, Optional<Instant> until, int limit) {
        TransitionHistory.checkQuery(carrier, since, until, limit);
        return rows.values().stream()
                .filter(r -> r.transition().carrier().equals(carrier))
                .filter(r -> since.map(s -> !r.transition().at().isBefore(s)).orElse(true))
                .filter(r -> until.map(u -> r.transition().at().isBefore(u)).orElse(true))
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .toList();
    }

    /**
     * {@inheritDoc}
     *
     * <p>For each (instance id, carrier), the row that occurred last, the higher sequence breaking a tie. Ordered by
     * instance id, then carrier.
     */
    @Override
    public List<RecordedTransition> latestPerInstance() {
        return rows.values().stream()
                .collect(Collectors.toMap(
                        r -> new Breaker(r.instanceId(), r.transition().carrier()), r -> r, LATER))
                .values()
                .stream()
                .sorted(BY_INSTANCE_THEN_CARRIER)
                .toList();
    }

    private record Key(String instanceId, CarrierId carrier, long sequence) {}

    private record Breaker(String instanceId, CarrierId carrier) {}
}
