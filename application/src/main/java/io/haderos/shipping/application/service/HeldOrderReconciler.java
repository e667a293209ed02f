package io.haderos.shipping.application.service;

import io.haderos.shipping.application.port.in.OrderConflictException;
import io.haderos.shipping.application.port.in.OrderNotFoundException;
import io.haderos.shipping.application.port.in.ResolveShipmentCommand;
import io.haderos.shipping.application.port.in.ResolveShipmentUseCase;
import io.haderos.shipping.application.port.out.ReconcilerObserver;
import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.HeldOrderCursor;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.ShipmentRecord;
import io.haderos.shipping.domain.port.out.CircuitBreakers;
import io.haderos.shipping.domain.port.out.ShipmentStore;
import io.haderos.shipping.domain.port.out.ShippingCarrier;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Settles held orders without a person where the carrier can tell (docs/architecture.md#held-orders). Every interval
 * it reads the held orders, oldest first, and looks each up at the carriers it was attempted at (every carrier, for a
 * claim abandoned before its attempts were recorded) by reference: the order id, which every creation sends as the
 * shipment's reference. The look-up is a safe read through the carrier's breaker; a carrier whose breaker stops calls
 * is not asked.
 *
 * <ul>
 *   <li>exactly one shipment found: the order is resolved {@code created} with its tracking number, actor
 *       {@value #ACTOR}, through {@link ResolveShipmentUseCase} like an operator's resolution (so it is recorded with
 *       the actor and a note);</li>
 *   <li>none found, several found, or no answer: the order stays held for a person. The reconciler never resolves
 *       {@code not_created}: a carrier not knowing a reference yet is no proof that it never will.</li>
 * </ul>
 *
 * Several instances may reconcile the same orders at once: the store applies a resolution only while the order still
 * awaits one, so the loser of a race finds the order no longer held and does nothing. One pass runs at a time per
 * instance; each pass ends by refreshing the {@link HeldOrderWatch}.
 */
public final class HeldOrderReconciler implements AutoCloseable {

    /** Who resolutions made by the reconciler are recorded as. */
    public static final String ACTOR = "reconciler";

    /** Orders read per page, and most orders looked at in one pass: the oldest first, the rest at the next. */
    static final int PAGE = 100;

    static final int MAX_PER_PASS = 1000;

    private final ShipmentStore store;
    private final List<ShippingCarrier> carriers;
    private final CircuitBreakers breakers;
    private final ResolveShipmentUseCase resolve;
    private final HeldOrderWatch watch;
    private final ReconcilerObserver observer;
    private final Duration interval;
    private final Executor database;
    private final Clock clock;
    private final PeriodicWork passes;

    /**
     * @param carriers the configured carriers, asked in this order for an order that names none
     * @param resolve  records what was found, as an operator's resolution is recorded
     * @param interval between passes
     * @param timer    schedules the passes; its task only hands them to {@code database}
     * @param database the bounded executor for blocking database work
     */
    public HeldOrderReconciler(
            ShipmentStore store,
            List<ShippingCarrier> carriers,
            CircuitBreakers breakers,
            ResolveShipmentUseCase resolve,
            HeldOrderWatch watch,
            ReconcilerObserver observer,
            Duration interval,
            ScheduledExecutorService timer,
            Executor database,
            Clock clock) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive");
        }
        this.store = store;
        this.carriers = List.copyOf(carriers);
        this.breakers = breakers;
        this.resolve = resolve;
        this.watch = watch;
        this.observer = observer;
        this.interval = interval;
        this.database = database;
        this.clock = clock;
        this.passes = new PeriodicWork(timer, database);
    }

    /**
     * Schedules a pass every interval, the first one interval from now, on the database executor; none starts while the
     * last one has not ended (its look-ups included).
     */
    public HeldOrderReconciler start() {
        passes.atFixedRateAsync(interval, this::passThenRecount);
        return this;
    }

    @Override
    public void close() {
        passes.stop();
    }

    /** One pass: the look-ups, then the count read again, both off the timer. */
    private CompletableFuture<Void> passThenRecount() {
        return pass().handle((done, failure) -> null).thenRunAsync(watch::refresh, database);
    }

    /**
     * Reads the held orders (blocking, on the database executor) and looks them up one after the other: all at once,
     * a backlog would fill a carrier's bulkhead and turn the clients' own calls away as busy.
     */
    private CompletableFuture<Void> pass() {
        List<ShipmentRecord> held;
        try {
            held = heldOrders();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(null); // the database is away: next interval
        }
        CompletableFuture<Void> lookups = CompletableFuture.completedFuture(null);
        for (ShipmentRecord record : held) {
            lookups = lookups.thenCompose(previous -> reconcile(record));
        }
        return lookups;
    }

    private List<ShipmentRecord> heldOrders() {
        List<ShipmentRecord> all = new ArrayList<>();
        Optional<HeldOrderCursor> after = Optional.empty();
        while (all.size() < MAX_PER_PASS) {
            List<ShipmentRecord> page = store.held(clock.instant(), after, PAGE);
            all.addAll(page);
            if (page.size() < PAGE) {
                break;
            }
            after = Optional.of(HeldOrderCursor.after(page.get(page.size() - 1)));
        }
        return all;
    }

    /** Asks the order's carriers one after the other until one knows it; never fails. */
    private CompletableFuture<Void> reconcile(ShipmentRecord record) {
        List<CarrierId> attempted = record.carriersAttempted();
        List<ShippingCarrier> asked = attempted.isEmpty()
                ? carriers
                : carriers.stream()
                        .filter(carrier -> attempted.contains(carrier.id()))
                        .toList();
        return askFrom(record.orderId(), asked, 0).exceptionally(failure -> null);
    }

    private CompletableFuture<Void> askFrom(OrderId orderId, List<ShippingCarrier> asked, int index) {
        if (index >= asked.size()) {
            observer.notFound(orderId);
            return CompletableFuture.completedFuture(null);
        }
        ShippingCarrier carrier = asked.get(index);
        boolean blocked = breakers.snapshot(carrier.id())
                .map(CircuitSnapshot::state)
                .map(state -> state.blocksCalls())
                .orElse(false);
        if (blocked) {
            observer.stillHeld(orderId, carrier.id(), "its breaker is open: not asked");
            return askFrom(orderId, asked, index + 1);
        }
        return carrier.findByReferenceAsync(orderId)
                .handle((found, failure) -> {
                    if (failure != null) {
                        observer.stillHeld(
                                orderId, carrier.id(), "the look-up failed: " + StageFailures.cause(failure));
                        return askFrom(orderId, asked, index + 1);
                    }
                    if (found.size() > 1) {
                        observer.ambiguous(orderId, carrier.id(), found.size());
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    if (found.size() == 1) {
                        return resolveCreated(orderId, found.get(0));
                    }
                    return askFrom(orderId, asked, index + 1);
                })
                .thenCompose(next -> next);
    }

    private CompletableFuture<Void> resolveCreated(OrderId orderId, CreatedShipment found) {
        ResolveShipmentCommand command = ResolveShipmentCommand.found(
                orderId,
                found.trackingNumber(),
                Optional.of(found.carrier()),
                ACTOR,
                "found at " + found.carrier() + " by the order's reference");
        return resolve.resolve(command).toCompletableFuture().handle((record, failure) -> {
            Throwable cause = StageFailures.cause(failure);
            if (cause == null) {
                observer.resolved(record);
            } else if (!(cause instanceof OrderConflictException || cause instanceof OrderNotFoundException)) {
                observer.stillHeld(orderId, found.carrier(), "could not record it: " + cause);
            }
            // A conflict: another instance, or an operator, resolved it first. Nothing to do.
            return null;
        });
    }
}
