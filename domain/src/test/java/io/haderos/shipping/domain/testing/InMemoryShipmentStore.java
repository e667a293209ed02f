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
import io.haderos.shipping.domain.model.ShipmentStatus;
import io.haderos.shipping.domain.port.out.ShipmentStore;
import java.time.Instant;
import java.util.Comparator;
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
    public Optional<ShipmentRecord> claim(OrderId orderId, ClientId client, String requestFingerprint, Instant now) {
        ShipmentRecord[] existing = new ShipmentRecord[1];
        records.compute(orderId, (id, current) -> {
            if (current == null) {
                return ShipmentRecord.inProgress(id, client, requestFingerprint, now);
            }
            if (current.status() == ShipmentStatus.NOT_CREATED && current.isVisibleTo(client)) {
                return current.reclaimed(client, requestFingerprint, now);
            }
            existing[0] = current;
            return current;
        });
        return Optional.ofNullable(existing[0]);
    }

    @Override
    public void recordCreated(
            OrderId orderId, CreatedShipment shipment, boolean fallback, List<Attempt> attempts, Instant now) {
        records.computeIfPresent(
                orderId,
                (id, claimed) ->
                        claimed.created(shipment.withLabels(sound(shipment.labels())), fallback, attempts, now));
    }

    @Override
    public List<Label> storeLabels(OrderId orderId, List<Label> labels) {
        ShipmentRecord stored = records.computeIfPresent(orderId, (id, current) -> current.withLabels(sound(labels)));
        return Optional.ofNullable(stored)
                .flatMap(ShipmentRecord::shipment)
                .map(CreatedShipment::labels)
                .orElse(List.of());
    }

    private static List<Label> sound(List<Label> labels) {
        return labels.stream().filter(label -> label.defect().isEmpty()).toList();
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
    public Optional<ShipmentRecord> resolve(OrderId orderId, ShipmentResolution resolution) {
        ShipmentRecord[] resolved = new ShipmentRecord[1];
        records.computeIfPresent(orderId, (id, current) -> {
            if (!current.awaitsResolution(resolution.at())) {
                return current;
            }
            resolved[0] = current.resolved(resolution);
            return resolved[0];
        });
        return Optional.ofNullable(resolved[0]);
    }

    @Override
    public Optional<ShipmentRecord> find(OrderId orderId) {
        return Optional.ofNullable(records.get(orderId));
    }

    @Override
    public List<ShipmentRecord> held(Instant now, Optional<HeldOrderCursor> after, int limit) {
        return records.values().stream()
                .filter(record -> record.awaitsResolution(now))
                .filter(record -> after.map(cursor -> cursor.precedes(record)).orElse(true))
                .sorted(OLDEST_FIRST)
                .limit(limit)
                .toList();
    }

    @Override
    public HeldOrderSummary heldSummary(Instant now) {
        List<ShipmentRecord> held = held(now, Optional.empty(), Integer.MAX_VALUE);
        return held.isEmpty()
                ? HeldOrderSummary.NONE
                : new HeldOrderSummary(held.size(), Optional.of(held.get(0).heldSince()));
    }

    private static final Comparator<ShipmentRecord> OLDEST_FIRST = Comparator.comparing(ShipmentRecord::heldSince)
            .thenComparing(record -> record.orderId().value());
}
