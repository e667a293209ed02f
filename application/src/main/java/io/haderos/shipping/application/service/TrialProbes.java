package io.haderos.shipping.application.service;

import io.haderos.shipping.application.port.out.CarrierCallObserver;
import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.port.out.CarrierException;
import io.haderos.shipping.domain.port.out.CircuitBreakers;
import io.haderos.shipping.domain.port.out.ShippingCarrier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Sends a breaker the trial it waits for when no client does (docs/architecture.md#slowness-and-hangs). Shipments are never trials, so a carrier
 * whose breaker is due for a trial, or half-open, can take them only once safe calls have closed it; when none has
 * come within {@link #QUIET} of the trial falling due (or of the previous probe's end), the gateway asks the carrier
 * for something safe itself ({@link ShippingCarrier#probeAsync()}: a quote for a configured route, a query of a known
 * shipment). One probe per carrier at a time; the breaker counts it like any call.
 */
public final class TrialProbes implements AutoCloseable {

    /** How long a due trial waits for a client's safe call before the gateway sends its own. */
    public static final Duration QUIET = Duration.ofSeconds(1);

    /** How often the breakers are looked at. */
    static final Duration TICK = Duration.ofMillis(250);

    private final List<ShippingCarrier> carriers;
    private final CircuitBreakers breakers;
    private final CarrierCallObserver observer;
    private final Ticking ticking;
    private final Clock clock;
    private final Map<CarrierId, Probe> probes = new ConcurrentHashMap<>();

    public TrialProbes(
            List<ShippingCarrier> carriers,
            CircuitBreakers breakers,
            CarrierCallObserver observer,
            ScheduledExecutorService scheduler,
            Clock clock) {
        this.carriers = List.copyOf(carriers);
        this.breakers = breakers;
        this.observer = observer;
        this.ticking = new Ticking(scheduler);
        this.clock = clock;
    }

    /** Starts looking at the breakers every {@link #TICK}. */
    public TrialProbes start() {
        ticking.withFixedDelay(TICK, this::tick);
        return this;
    }

    @Override
    public void close() {
        ticking.stop();
    }

    void tick() {
        Instant now = clock.instant();
        for (ShippingCarrier carrier : carriers) {
            breakers.snapshot(carrier.id()).ifPresent(snapshot -> consider(carrier, snapshot, now));
        }
    }

    private void consider(ShippingCarrier carrier, CircuitSnapshot snapshot, Instant now) {
        if (!snapshot.isTesting()) {
            probes.remove(carrier.id());
            return;
        }
        Instant due = snapshot.state() == CircuitState.OPEN
                ? snapshot.stateSince().plus(snapshot.recoveryTimeout())
                : snapshot.stateSince();
        Probe probe = probes.computeIfAbsent(carrier.id(), id -> new Probe());
        synchronized (probe) {
            Instant quietSince = probe.lastEnded != null && probe.lastEnded.isAfter(due) ? probe.lastEnded : due;
            if (probe.inFlight || now.isBefore(quietSince.plus(QUIET))) {
                return;
            }
            probe.inFlight = true;
        }
        Optional<CompletableFuture<Void>> sent;
        try {
            sent = carrier.probeAsync();
        } catch (RuntimeException e) {
            sent = Optional.of(CompletableFuture.failedFuture(e));
        }
        if (sent.isEmpty()) {
            ended(probe);
            return;
        }
        sent.get().whenComplete((ignored, failure) -> {
            ended(probe);
            observer.probed(carrier.id(), outcome(failure));
        });
    }

    private void ended(Probe probe) {
        synchronized (probe) {
            probe.inFlight = false;
            probe.lastEnded = clock.instant();
        }
    }

    private static AttemptOutcome outcome(Throwable failure) {
        if (failure == null) {
            return AttemptOutcome.SUCCESS;
        }
        return StageFailures.cause(failure) instanceof CarrierException carrierFailure
                ? carrierFailure.outcome()
                : AttemptOutcome.CARRIER_ERROR;
    }

    /** One carrier's probing. */
    private static final class Probe {
        boolean inFlight;
        Instant lastEnded;
    }
}
