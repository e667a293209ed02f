package io.haderos.shipping.domain.port.out;

import io.haderos.shipping.domain.model.Attempt;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.ShipmentRecord;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link ShipmentStore} in memory: the reference for the port's contract, for tests and for a single
 * gateway process that may forget everything on restart.
 */
public final class InMemoryShipmentStore implements ShipmentStore {

    private final ConcurrentMap<OrderId, ShipmentRecord> records = new ConcurrentHashMap<>();

    @Override
    public Optional<ShipmentRecord> claim(OrderId orderId, String requestFingerprint, Instant now) {
        ShipmentRecord fresh = ShipmentRecord.inProgress(orderId, requestFingerprint, now);
        return Optional.ofNullable(records.putIfAbsent(orderId, fresh));
    }

    @Override
    public void recordCreated(OrderId orderId, CreatedShipment shipment, boolean fallback, List<Attempt> attempts,
                              Instant now) {
        records.computeIfPresent(orderId, (id, claimed) -> claimed.created(shipment, fallback, attempts, now));
    }

    @Override
    public void recordOutcomeUnknown(OrderId orderId, List<Attempt> attempts, Instant now) {
        records.computeIfPresent(orderId, (id, claimed) -> claimed.outcomeUnknown(attempts, now));
    }

    @Override
    public void release(OrderId orderId) {
        records.remove(orderId);
    }

    @Override
    public Optional<ShipmentRecord> find(OrderId orderId) {
        return Optional.ofNullable(records.get(orderId));
    }
}
