package io.haderos.shipping.domain.testing;

import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.Money;
import io.haderos.shipping.domain.model.RateQuote;
import io.haderos.shipping.domain.model.RateRequest;
import io.haderos.shipping.domain.model.ShipmentRequest;
import io.haderos.shipping.domain.model.ShipmentTracking;
import io.haderos.shipping.domain.port.out.ShippingCarrier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A fake carrier: each call takes the next scripted behaviour (succeed, or throw a given failure), and
 * succeeds when the script is empty. Counts the calls that reached it.
 */
public final class ScriptedCarrier implements ShippingCarrier {

    private final CarrierId id;
    private final Deque<Supplier<RuntimeException>> script = new ArrayDeque<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger created = new AtomicInteger();
    private Supplier<RuntimeException> persistentFailure;

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
        script.addLast(() -> null);
        return this;
    }

    /** Every call fails with what {@code failure} supplies, until {@link #heal()}. */
    public synchronized ScriptedCarrier alwaysFail(Supplier<RuntimeException> failure) {
        script.clear();
        persistentFailure = failure;
        return this;
    }

    public synchronized ScriptedCarrier heal() {
        script.clear();
        persistentFailure = null;
        return this;
    }

    /** Calls that reached this carrier. */
    public int calls() {
        return calls.get();
    }

    /** Shipments this carrier created. */
    public int shipmentsCreated() {
        return created.get();
    }

    @Override
    public CarrierId id() {
        return id;
    }

    @Override
    public List<RateQuote> quoteRates(RateRequest request) {
        next();
        return List.of(new RateQuote(id, "STD", Money.of("25.00", "SAR")));
    }

    @Override
    public CreatedShipment createShipment(ShipmentRequest request) {
        next();
        int number = created.incrementAndGet();
        return new CreatedShipment(id, id.value().toUpperCase() + "-" + number, List.of(), Optional.empty());
    }

    @Override
    public ShipmentTracking track(String trackingNumber) {
        next();
        return new ShipmentTracking(id, trackingNumber, false, List.of());
    }

    private void next() {
        calls.incrementAndGet();
        Supplier<RuntimeException> behaviour;
        synchronized (this) {
            behaviour = script.isEmpty() ? persistentFailure : script.pollFirst();
        }
        RuntimeException failure = behaviour == null ? null : behaviour.get();
        if (failure != null) {
            throw failure;
        }
    }
}
