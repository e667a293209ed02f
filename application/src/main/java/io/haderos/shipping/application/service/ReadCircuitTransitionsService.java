package io.haderos.shipping.application.service;

import io.haderos.shipping.application.port.in.ClusterView;
import io.haderos.shipping.application.port.in.ReadCircuitTransitionsQuery;
import io.haderos.shipping.application.port.in.ReadCircuitTransitionsUseCase;
import io.haderos.shipping.application.port.in.UnknownCarrierException;
import io.haderos.shipping.domain.circuit.RecordedTransition;
import io.haderos.shipping.domain.port.out.CircuitBreakers;
import io.haderos.shipping.domain.port.out.GatewayInstances;
import io.haderos.shipping.domain.port.out.TransitionHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Reads the audit trail and the instances' heartbeats; a carrier is known when this gateway has a breaker for it. An
 * instance is stale once its latest heartbeat is older than the heartbeat timeout.
 */
public final class ReadCircuitTransitionsService implements ReadCircuitTransitionsUseCase {

    private static final Comparator<RecordedTransition> BY_INSTANCE_THEN_CARRIER = Comparator.comparing(
                    RecordedTransition::instanceId)
            .thenComparing(recorded -> recorded.transition().carrier().value());

    private final TransitionHistory history;
    private final GatewayInstances instances;
    private final Duration heartbeatTimeout;
    private final CircuitBreakers breakers;
    private final Clock clock;
    private final BlockingWork work;

    /**
     * @param heartbeatTimeout how long an instance may go without a heartbeat before it counts as stale
     * @param blockingExecutor the bounded executor for the history's blocking reads
     */
    public ReadCircuitTransitionsService(
            TransitionHistory history,
            GatewayInstances instances,
            Duration heartbeatTimeout,
            CircuitBreakers breakers,
            Clock clock,
            Executor blockingExecutor) {
        this.history = history;
        this.instances = instances;
        this.heartbeatTimeout = heartbeatTimeout;
        this.breakers = breakers;
        this.clock = clock;
        this.work = new BlockingWork(blockingExecutor);
    }

    @Override
    public CompletionStage<List<RecordedTransition>> transitions(ReadCircuitTransitionsQuery query) {
        if (breakers.snapshot(query.carrier()).isEmpty()) {
            throw new UnknownCarrierException(query.carrier().value());
        }
        return work.supply(() -> history.transitions(query.carrier(), query.since(), query.until(), query.limit()));
    }

    @Override
    public CompletionStage<ClusterView> cluster() {
        return work.supply(() -> {
            List<RecordedTransition> latest = history.latestPerInstance().stream()
                    .sorted(BY_INSTANCE_THEN_CARRIER)
                    .toList();
            Instant now = clock.instant();
            List<ClusterView.Member> members = instances.all().stream()
                    .map(instance -> new ClusterView.Member(instance, instance.status(now, heartbeatTimeout)))
                    .toList();
            return new ClusterView(latest, members, now);
        });
    }
}
