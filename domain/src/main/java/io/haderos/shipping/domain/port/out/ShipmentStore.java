package io.haderos.shipping.domain.port.out;

import io.haderos.shipping.domain.model.Attempt;
import io.haderos.shipping.domain.model.ClientId;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.HeldOrderCursor;
import io.haderos.shipping.domain.model.HeldOrderSummary;
import io.haderos.shipping.domain.model.Label;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.ShipmentRecord;
import io.haderos.shipping.domain.model.ShipmentResolution;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Remembers each order's shipment so that an order is shipped at most once, whoever asks and however often.
 *
 * <p>{@link #claim} is the only way in: it is atomic, so of many concurrent requests for one order exactly
 * one gets to ask a carrier.
 */
public interface ShipmentStore {

    /**
     * Claims the order for creation on behalf of {@code client}: when no record exists, or when an operator found
     * that an earlier attempt created nothing ({@code NOT_CREATED}) and the order {@linkplain
     * ShipmentRecord#isVisibleTo is visible to} this client. The claim records the client as the order's.
     *
     * @return empty when this caller now holds the claim (the record is {@code IN_PROGRESS} with this
     *         fingerprint and client); otherwise the record that was already there, untouched
     */
    Optional<ShipmentRecord> claim(OrderId orderId, ClientId client, String requestFingerprint, Instant now);

    /**
     * The claimed order's shipment was created. Its labels are stored with it, except any with a
     * {@linkplain Label#defect() defect}, which the store leaves out and logs.
     */
    void recordCreated(
            OrderId orderId, CreatedShipment shipment, boolean fallback, List<Attempt> attempts, Instant now);

    /**
     * Replaces the labels of the order's created shipment with {@code labels}, those fetched from the carrier after
     * the shipment was recorded. A label with a {@linkplain Label#defect() defect} is not stored (the store says why in
     * its log); the others are. Nothing happens when the order has no created shipment, or when the retention has
     * erased its personal data (labels print both parties' addresses).
     *
     * @return the labels now stored for the order
     */
    List<Label> storeLabels(OrderId orderId, List<Label> labels);

    /** The claimed order's shipment may or may not exist at a carrier: hold the order. */
    void recordOutcomeUnknown(OrderId orderId, List<Attempt> attempts, Instant now);

    /** Nothing was created for the claimed order: forget the claim so that a later request may try again. */
    void release(OrderId orderId);

    /**
     * Records an operator's resolution, atomically, if the order still awaits one
     * ({@link ShipmentRecord#awaitsResolution}) when it is applied.
     *
     * @return the resolved record; empty when the order is unknown or does not await resolution
     */
    Optional<ShipmentRecord> resolve(OrderId orderId, ShipmentResolution resolution);

    Optional<ShipmentRecord> find(OrderId orderId);

    /**
     * The orders that await resolution at {@code now} ({@link ShipmentRecord#awaitsResolution}: outcome unknown, or a
     * claim abandoned longer than {@link ShipmentRecord#ABANDONED_AFTER}), oldest first: ordered by
     * {@link ShipmentRecord#heldSince}, then by order id. Records are as stored (an abandoned claim is still
     * {@code IN_PROGRESS}; {@link ShipmentRecord#asSeenAt} says how to show it).
     *
     * @param after only the orders after this place in the list; empty for the first page
     * @param limit at most this many, at least 1
     */
    List<ShipmentRecord> held(Instant now, Optional<HeldOrderCursor> after, int limit);

    /** How many orders await resolution at {@code now}, and since when the oldest has: one cheap query. */
    HeldOrderSummary heldSummary(Instant now);
}
