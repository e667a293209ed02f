package io.haderos.shipping.domain.testing;

import io.haderos.shipping.domain.model.Attempt;
import io.haderos.shipping.domain.model.ClientId;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.HeldOrderCursor;
import io.haderos.shipping.domain.model.HeldOrderSummary;
import io.haderos.shipping.domain.model.Label;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.ShipmentRecord;
import io.haderos.shipping.domain.model.ShipmentResolution;
import io.haderos.shipping.domain.port.out.ShipmentStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A {@link ShipmentStore} that hands every call to another: a test overrides only the calls it wants to behave
 * otherwise (a store that fails at one step, one that reads an order as the retention left it).
 */
public class ForwardingShipmentStore implements ShipmentStore {

    private final ShipmentStore store;

    public ForwardingShipmentStore(ShipmentStore store) {
        this.store = store;
    }

    @Override
    public Optional<ShipmentRecord> claim(OrderId orderId, ClientId client, String requestFingerprint, Instant now) {
        return store.claim(orderId, client, requestFingerprint, now);
    }

    @Override
    public void recordCreated(
            OrderId orderId, CreatedShipment shipment, boolean fallback, List<Attempt> attempts, Instant now) {
        store.recordCreated(orderId, shipment, fallback, attempts, now);
    }

    @Override
    public List<Label> storeLabels(OrderId orderId, List<Label> labels) {
        return store.storeLabels(orderId, labels);
    }

    @Override
    public void recordOutcomeUnknown(OrderId orderId, List<Attempt> attempts, Instant now) {
        store.recordOutcomeUnknown(orderId, attempts, now);
    }

    @Override
    public void release(OrderId orderId) {
        store.release(orderId);
    }

    @Override
    public Optional<ShipmentRecord> resolve(OrderId orderId, ShipmentResolution resolution) {
        return store.resolve(orderId, resolution);
    }

    @Override
    public Optional<ShipmentRecord> find(OrderId orderId) {
        return store.find(orderId);
    }

    @Override
    public List<ShipmentRecord> held(Instant now, Optional<HeldOrderCursor> after, int limit) {
        return store.held(now, after, limit);
    }

    @Override
    public HeldOrderSummary heldSummary(Instant now) {
        return store.heldSummary(now);
    }
}
