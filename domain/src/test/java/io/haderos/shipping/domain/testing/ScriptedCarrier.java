package io.haderos.shipping.domain.testing;

import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.Label;
import io.haderos.shipping.domain.model.Money;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.RateQuote;
import io.haderos.shipping.domain.model.RateRequest;
import io.haderos.shipping.domain.model.ShipmentRequest;
import io.haderos.shipping.domain.model.ShipmentTracking;
import io.haderos.shipping.domain.port.out.ShippingCarrier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A fake carrier: each call takes the next scripted behaviour (succeed, fail with a given failure, or stay unanswered
 * until the test releases it), and succeeds when the script is empty. Counts the calls that reached it. Answers are
 * given on the calling thread, except held calls, which complete on the thread that releases them.
 */
public final class ScriptedCarrier implements ShippingCarrier {

    private static final Supplier<RuntimeException> SUCCEED = () -> null;
    private static final Supplier<RuntimeException> HOLD = () -> null;

    private final CarrierId id;
    private final Deque<Supplier<RuntimeException>> script = new ArrayDeque<>();
    private final List<Held> held = new ArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger probes = new AtomicInteger();
    private final Map<OrderId, List<CreatedShipment>> byReference = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private Supplier<RuntimeException> persistent;
    private boolean probeable = true;
    private volatile List<Label> labels = List.of();
    private volatile List<Label> createdLabels = List.of();
    private final AtomicInteger labelFetches = new AtomicInteger();

    public ScriptedCarrier(CarrierId id) {
        this.id = id;
    }

    /** The next call fails with what {@code failure} supplies. */
    public synchronized ScriptedCarrier thenFail(Supplier<RuntimeException> failure) {
        script.addLast(failure);
        return this;
    }

    /** The next call succeeds. */
    public synchronized ScriptedCarrier thenSucceed() {
        script.addLast(SUCCEED);
        return this;
    }

    /** The next call stays unanswered until the test releases it through {@link #held()}. */
    public synchronized ScriptedCarrier thenHold() {
        script.addLast(HOLD);
        return this;
    }

    /** Every call fails with what {@code failure} supplies, until {@link #heal()}. */
    public synchronized ScriptedCarrier alwaysFail(Supplier<RuntimeException> failure) {
        script.clear();
        persistent = failure;
        return this;
    }

    /** Every call stays unanswered, until {@link #heal()}: a hanging carrier. */
    public synchronized ScriptedCarrier hang() {
        script.clear();
        persistent = HOLD;
        return this;
    }

    public synchronized ScriptedCarrier heal() {
        script.clear();
        persistent = null;
        return this;
    }

    /** {@link #probeAsync()} answers empty from now on: the carrier knows of nothing it could safely ask. */
    public synchronized ScriptedCarrier withoutProbe() {
        probeable = false;
        return this;
    }

    /** The labels {@link #labelsAsync} gives from now on (a scripted failure still comes first). */
    public ScriptedCarrier withLabels(List<Label> given) {
        labels = List.copyOf(given);
        return this;
    }

    /** The labels each shipment it creates from now on comes with. */
    public ScriptedCarrier creatingWithLabels(List<Label> given) {
        createdLabels = List.copyOf(given);
        return this;
    }

    /** Label fetches that reached this carrier. */
    public int labelFetches() {
        return labelFetches.get();
    }

    /**
     * The carrier holds a shipment with each of {@code trackingNumbers} under the reference {@code orderId}, as if a
     * creation whose reply was lost had gone through (more than once, with several).
     */
    public ScriptedCarrier knowsByReference(OrderId orderId, String... trackingNumbers) {
        byReference.put(
                orderId,
                Stream.of(trackingNumbers)
                        .map(tracking -> new CreatedShipment(id, tracking, List.of()))
                        .toList());
        return this;
    }

    /** Look-ups by reference that reached this carrier. */
    public int lookupsByReference() {
        return lookups.get();
    }

    /** Calls that reached this carrier, probes included. */
    public int calls() {
        return calls.get();
    }

    /** Shipments this carrier created. */
    public int shipmentsCreated() {
        return created.get();
    }

    /** Probes this carrier was sent. */
    public int probes() {
        return probes.get();
    }

    /** The calls held unanswered so far, in order, including those already released. */
    public synchronized List<Held> held() {
        return List.copyOf(held);
    }

    /** The calls still held unanswered. */
    public synchronized List<Held> stillHeld() {
        return held.stream().filter(h -> !h.future.isDone()).toList();
    }

    @Override
    public CarrierId id() {
        return id;
    }

    @Override
    public CompletableFuture<List<RateQuote>> quoteRatesAsync(RateRequest request) {
        return next(() -> List.of(new RateQuote(id, "STD", Money.of("25.00", "SAR"))));
    }

    @Override
    public CompletableFuture<CreatedShipment> createShipmentAsync(ShipmentRequest request) {
        return next(() -> new CreatedShipment(
                id, id.value().toUpperCase() + "-" + created.incrementAndGet(), List.of(), createdLabels));
    }

    @Override
    public CompletableFuture<List<Label>> labelsAsync(String trackingNumber) {
        labelFetches.incrementAndGet();
        return next(() -> labels);
    }

    @Override
    public CompletableFuture<ShipmentTracking> trackAsync(String trackingNumber) {
        return next(() -> new ShipmentTracking(id, trackingNumber, false, List.of()));
    }

    /** What {@link #knowsByReference} said, through the script like every call. */
    @Override
    public CompletableFuture<List<CreatedShipment>> findByReferenceAsync(OrderId orderId) {
        lookups.incrementAndGet();
        return next(() -> byReference.getOrDefault(orderId, List.of()));
    }

    @Override
    public synchronized Optional<CompletableFuture<Void>> probeAsync() {
        if (!probeable) {
            return Optional.empty();
        }
        probes.incrementAndGet();
        return Optional.of(next(() -> null));
    }

    private <T> CompletableFuture<T> next(Supplier<T> success) {
        calls.incrementAndGet();
        Supplier<RuntimeException> behaviour;
        synchronized (this) {
            behaviour = script.isEmpty() ? persistent : script.pollFirst();
            if (behaviour == HOLD) {
                CompletableFuture<T> pending = new CompletableFuture<>();
                held.add(new Held(pending, success));
                return pending;
            }
        }
        RuntimeException failure = behaviour == null ? null : behaviour.get();
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        return CompletableFuture.completedFuture(success.get());
    }

    /** A call the carrier has not answered yet. */
    public static final class Held {
        private final CompletableFuture<Object> future;
        private final Supplier<?> success;

        @SuppressWarnings("unchecked")
        <T> Held(CompletableFuture<T> future, Supplier<T> success) {
            this.future = (CompletableFuture<Object>) future;
            this.success = success;
        }

        /** The carrier answers now, successfully. */
        public void succeed() {
            future.complete(success.get());
        }

        /** The carrier answers now with {@code failure}. */
        public void fail(RuntimeException failure) {
            future.completeExceptionally(failure);
        }

        public boolean isAnswered() {
            return future.isDone();
        }
    }
}
