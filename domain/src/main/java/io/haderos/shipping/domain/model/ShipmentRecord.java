package io.haderos.shipping.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the gateway remembers about one order's shipment.
 *
 * @param requestFingerprint identifies the request that claimed the order; a different one is a conflict
 * @param shipment           present once {@link ShipmentStatus#CREATED}
 * @param fallback           whether a carrier other than the first one served it
 * @param attempts           every carrier asked, in order, with its outcome
 */
public record ShipmentRecord(OrderId orderId, String requestFingerprint, ShipmentStatus status,
                             Optional<CreatedShipment> shipment, boolean fallback, List<Attempt> attempts,
                             Instant createdAt, Instant updatedAt) {

    public ShipmentRecord {
        Checks.required(orderId, "order_id");
        Checks.required(requestFingerprint, "request_fingerprint");
        Checks.required(status, "status");
        Checks.required(shipment, "shipment");
        if (status == ShipmentStatus.CREATED && shipment.isEmpty()) {
            throw new InvalidValueException("shipment", "is required once created");
        }
        attempts = List.copyOf(Checks.required(attempts, "attempts"));
        Checks.required(createdAt, "created_at");
        Checks.required(updatedAt, "updated_at");
    }

    /** A fresh claim: a request is about to ask the carriers. */
    public static ShipmentRecord inProgress(OrderId orderId, String fingerprint, Instant now) {
        return new ShipmentRecord(orderId, fingerprint, ShipmentStatus.IN_PROGRESS, Optional.empty(), false,
                List.of(), now, now);
    }

    public ShipmentRecord created(CreatedShipment created, boolean fallback, List<Attempt> attempts, Instant now) {
        return new ShipmentRecord(orderId, requestFingerprint, ShipmentStatus.CREATED, Optional.of(created),
                fallback, attempts, createdAt, now);
    }

    public ShipmentRecord outcomeUnknown(List<Attempt> attempts, Instant now) {
        return new ShipmentRecord(orderId, requestFingerprint, ShipmentStatus.OUTCOME_UNKNOWN, Optional.empty(),
                attempts.size() > 1, attempts, createdAt, now);
    }
}
