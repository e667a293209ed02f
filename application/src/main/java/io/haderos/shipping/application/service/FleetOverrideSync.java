package io.haderos.shipping.application.service;

import io.haderos.shipping.application.port.out.AlertSource;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.FleetOverride;
import io.haderos.shipping.domain.circuit.OperatorOverride;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.policy.Alert;
import io.haderos.shipping.domain.policy.AlertPolicy;
import io.haderos.shipping.domain.port.out.CircuitBreakerOverrides;
import io.haderos.shipping.domain.port.out.FleetOverrideStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Keeps this instance's breakers in step with the fleet's operator orders (docs/architecture.md#fleet-overrides).
 *
 * <ul>
 *   <li>At {@link #start()}, before the gateway serves, it reads the store and applies every order in force: a restart
 *       never forgets one. A {@code closed} order found then changes nothing (a new breaker is closed already).</li>
 *   <li>While running it reads the store every {@link #POLL} and whenever {@link #refreshSoon()} is called (a
 *       notification that another instance gave an order), on the database executor, and applies each revision it has
 *       not applied yet, once: {@code forced_open} and {@code disabled} with their actor, reason and end, {@code closed}
 *       by closing the breaker with its counts cleared.</li>
 *   <li>Every {@link #POLL}, on the timer, it ends the orders it applied whose {@code until} has come, closing the
 *       breaker with the actor {@value #MAINTENANCE_WINDOW}: every instance does so by itself, even while the database
 *       is away.</li>
 * </ul>
 * Each instance's breaker publishes its own transition, so each instance audits it with the order's actor. While the
 * store cannot be read, {@link #alerts()} warns.
 */
public final class FleetOverrideSync implements AlertSource, AutoCloseable {

    /** How often the store is read, beside the notifications that make it read at once. */
    public static final Duration POLL = Duration.ofSeconds(1);

    /** The actor of the close that ends an order when its {@code until} has come. */
    public static final String MAINTENANCE_WINDOW = "maintenance-window";

    private final FleetOverrideStore store;
    private final CircuitBreakerOverrides breakers;
    private final Ticking ticking;
    private final SingleFlight reads;
    private final Clock clock;
    /** Per carrier, the latest order applied here and whether it still holds the breaker. Guarded by this. */
    private final Map<CarrierId, Applied> applied = new HashMap<>();

    private volatile Instant failingSince;
    private volatile String failure = "";

    /**
     * @param breakers this instance's breakers, which the orders are applied to
     * @param timer    runs the poll and the window ends; its tasks only hand work on or apply an order in memory
     * @param database the bounded executor for the store's blocking reads
     */
    public FleetOverrideSync(
            FleetOverrideStore store,
            CircuitBreakerOverrides breakers,
            ScheduledExecutorService timer,
            Executor database,
            Clock clock) {
        this.store = store;
        this.breakers = breakers;
        this.ticking = new Ticking(timer);
        this.reads = new SingleFlight(database);
        this.clock = clock;
    }

    /**
     * Reads the store once, on the calling thread, and applies the orders in force; then follows it every
     * {@link #POLL}. Call before the gateway serves. A store that cannot be read now is read again at the next poll.
     */
    public FleetOverrideSync start() {
        readNow(true);
        ticking.withFixedDelay(POLL, this::tick);
        return this;
    }

    /**
     * Reads the store soon, on the database executor, unless a read is already under way. Returns at once. A read the
     * executor refuses is tried again at the next poll.
     */
    public void refreshSoon() {
        reads.run(() -> readNow(false));
    }

    /** A warning while the store cannot be read: this instance may miss orders given elsewhere. */
    @Override
    public List<Alert> alerts() {
        Instant since = failingSince;
        if (since == null) {
            return List.of();
        }
        return List.of(new Alert(
                AlertPolicy.GATEWAY,
                Alert.Severity.WARNING,
                "fleet overrides cannot be read from the database (" + failure
                        + "): this instance may miss an operator's order given elsewhere until it can",
                since));
    }

    @Override
    public void close() {
        ticking.stop();
    }

    /**
     * Applies an order this instance has just stored, at once, unless its revision or a later one is applied already
     * (a notification was quicker, or another instance's order overtook it).
     */
    synchronized void applyNow(FleetOverride order) {
        follow(order, clock.instant(), false);
    }

    void tick() {
        endWindows(clock.instant());
        refreshSoon();
    }

    private void readNow(boolean startup) {
        List<FleetOverride> latest;
        try {
            latest = store.latest();
        } catch (RuntimeException e) {
            if (failingSince == null) {
                failingSince = clock.instant();
            }
            failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return;
        }
        failingSince = null;
        synchronized (this) {
            Instant now = clock.instant();
            latest.forEach(order -> follow(order, now, startup));
        }
    }

    /** Applies {@code order} unless its revision (or a later one) is applied already. */
    private void follow(FleetOverride order, Instant now, boolean startup) {
        CarrierId carrier = order.carrier();
        Applied current = applied.get(carrier);
        if (current != null && order.revision() <= current.order().revision()) {
            return;
        }
        boolean holdingBefore = current != null && current.holding();
        if (order.inForce(now)) {
            breakers.apply(carrier, order.order());
            applied.put(carrier, new Applied(order, true));
        } else if (order.order().holds()) {
            // Its window ended before this instance saw it: end what an earlier order still holds here.
            if (holdingBefore) {
                breakers.apply(carrier, windowOver(order));
            }
            applied.put(carrier, new Applied(order, false));
        } else {
            if (!startup) {
                breakers.apply(carrier, order.order());
            }
            applied.put(carrier, new Applied(order, false));
        }
    }

    /** Closes the breakers whose order's window has passed. */
    private synchronized void endWindows(Instant now) {
        applied.replaceAll((carrier, current) -> {
            if (current.holding() && current.order().ended(now)) {
                breakers.apply(carrier, windowOver(current.order()));
                return new Applied(current.order(), false);
            }
            return current;
        });
    }

    private static OperatorOverride windowOver(FleetOverride order) {
        return new OperatorOverride(
                CircuitState.CLOSED,
                MAINTENANCE_WINDOW,
                "maintenance window ended at "
                        + order.order().until().map(Instant::toString).orElse("its end")
                        + " (ordered by " + order.order().actor() + ")");
    }

    /** The latest order applied to a carrier's breaker here, and whether it still holds the breaker. */
    private record Applied(FleetOverride order, boolean holding) {}
}
