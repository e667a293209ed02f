package io.haderos.shipping.application.service;

import io.haderos.shipping.domain.circuit.RecordedTransition;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.port.out.TransitionHistory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

/** The port's contract over a list, remembering what it was last asked. */
final class InMemoryTransitionHistory implements TransitionHistory {

    /** As {@link TransitionHistory#transitions} promises: occurrence descending, instance ascending, sequence descending. */
    private static final Comparator<RecordedTransition> NEWEST_FIRST = Comparator
            .comparing((RecordedTransition r) -> r.transition().at()).reversed()
            .thenComparing(RecordedTransition::instanceId)
            .thenComparing(Comparator.comparingLong((RecordedTransition r) -> r.transition().sequence()).reversed());

    private final List<RecordedTransition> recorded = new CopyOnWriteArrayList<>();
    private volatile Asked lastAsked;

    void record(RecordedTransition... transitions) {
        recorded.addAll(List.of(transitions));
    }

    Optional<Asked> lastAsked() {
        return Optional.ofNullable(lastAsked);
    }

    @Override
    public List<RecordedTransition> transitions(CarrierId carrier, Optional<Instant> since, Optional<Instant> until,
                                                int limit) {
        lastAsked = new Asked(carrier, since, until, limit);
        return recorded.stream()
                .filter(r -> r.transition().carrier().equals(carrier))
                .filter(r -> since.map(s -> !r.transition().at().isBefore(s)).orElse(true))
                .filter(r -> until.map(u -> r.transition().at().isBefore(u)).orElse(true))
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .toList();
    }

    @Override
    public List<RecordedTransition> latestPerInstance() {
        BinaryOperator<RecordedTransition> later = (a, b) ->
                a.transition().sequence() >= b.transition().sequence() ? a : b;
        Map<String, RecordedTransition> latest = recorded.stream().collect(Collectors.toMap(
                r -> r.instanceId() + "/" + r.transition().carrier(), r -> r, later));
        return List.copyOf(latest.values());
    }

    record Asked(CarrierId carrier, Optional<Instant> since, Optional<Instant> until, int limit) {
    }
}
