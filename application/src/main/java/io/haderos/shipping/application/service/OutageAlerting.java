package io.haderos.shipping.application.service;

import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import io.haderos.shipping.domain.policy.OutageNotice;
import io.haderos.shipping.domain.policy.OutageNotices;
import io.haderos.shipping.domain.port.out.AlertNotifier;
import io.haderos.shipping.domain.port.out.CircuitTransitionListener;
import io.haderos.shipping.domain.port.out.FleetOutages;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Turns breaker transitions into outage notices for people, once per fleet (docs/architecture.md#one-notice-per-fleet):
 * {@link OutageNotices} says which transitions call for one, and {@link FleetOutages} which instance sends it — the
 * first live one whose breaker stops a carrier's calls sends the opening, the last live one whose breaker serves again
 * sends the recovery, with how long the fleet's outage lasted. When the fleet cannot be asked (the database is away),
 * this instance sends its own notice: a duplicate is better than silence.
 *
 * <p>{@link #onTransition} only queues the transition; the decisions, which ask the database, run in order on the
 * single thread of the executor given.
 */
public final class OutageAlerting implements CircuitTransitionListener, AutoCloseable {

    private final OutageNotices notices = new OutageNotices();
    private final FleetOutages fleet;
    private final List<AlertNotifier> notifiers;
    private final ExecutorService decisions;

    /**
     * @param fleet     this instance's view of the fleet's outages
     * @param notifiers where the notices go
     * @param decisions one thread of its own, which this object shuts down when closed
     */
    public OutageAlerting(FleetOutages fleet, List<? extends AlertNotifier> notifiers, ExecutorService decisions) {
        this.fleet = fleet;
        this.notifiers = List.copyOf(notifiers);
        this.decisions = decisions;
    }

    /** Queues the transition and returns at once; after {@link #close()} it is dropped. */
    @Override
    public void onTransition(CircuitStateChanged event) {
        try {
            decisions.execute(() -> decide(event));
        } catch (RejectedExecutionException closed) {
            // Stopping: notices of transitions that happen while the gateway shuts down are not sent.
        }
    }

    /** Decides on what is queued, handing its notices to the notifiers, then stops (waiting up to 10 s). */
    @Override
    public void close() {
        decisions.shutdown();
        try {
            decisions.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void decide(CircuitStateChanged event) {
        Optional<OutageNotice> notice = notices.on(event);
        if (notice.isPresent() && notice.get().kind() == OutageNotice.Kind.OPENED) {
            if (beginsTheFleetsOutage(event)) {
                send(notice.get());
            }
        } else if (notice.isPresent()) {
            endOfTheFleetsOutage(event, notice.get()).ifPresent(this::send);
        } else if (OutageNotices.endsSilently(event)) {
            leave(event);
        }
    }

    private boolean beginsTheFleetsOutage(CircuitStateChanged event) {
        try {
            return fleet.joined(event.carrier(), event.at());
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** The recovery notice, with the fleet's outage's length, when this instance was the last in it. */
    private Optional<OutageNotice> endOfTheFleetsOutage(CircuitStateChanged event, OutageNotice local) {
        Optional<Instant> fleetStart;
        try {
            fleetStart = fleet.left(event.carrier(), event.at());
        } catch (RuntimeException e) {
            return Optional.of(local);
        }
        return fleetStart.map(start -> new OutageNotice(
                local.carrier(),
                local.kind(),
                local.at(),
                local.cause(),
                Optional.of(Duration.between(start, local.at())),
                local.actor()));
    }

    private void leave(CircuitStateChanged event) {
        try {
            fleet.left(event.carrier(), event.at());
        } catch (RuntimeException e) {
            // The membership stays until this instance next leaves, or is taken for dead.
        }
    }

    private void send(OutageNotice notice) {
        for (AlertNotifier notifier : notifiers) {
            try {
                notifier.send(notice);
            } catch (RuntimeException e) {
                // A notifier must not throw; if one does, the others still get the notice.
            }
        }
    }
}
