package io.haderos.shipping.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the gateway remembers about one order's shipment. Its moves from status to status are those of
 * {@link ShipmentTransition}; the methods that make them refuse any other.
 *
 * @param requestFingerprint identifies the request that claimed the order; a different one is a conflict
 * @param shipment           present once {@link ShipmentStatus#CREATED}
 * @param fallback           whether a carrier other than the first one served it
 * @param attempts           every carrier asked, in order, with its outcome
 * @param resolution         how an operator resolved an unknown outcome, if one did
 * @param client             the client that claimed the order; empty for orders stored before clients were recorded,
 *                           which every client may read ({@link #isVisibleTo})
 * @param personalDataErasedAt when the retention erased the personal data the order held (attempt details, labels,
 *                           the resolution's note); empty while it holds them. Every change of the record
 *                           stores new data, so the records the methods below return are not erased.
 */
public record ShipmentRecord(
        OrderId orderId,
        String requestFingerprint,
        ShipmentStatus status,
        Optional<CreatedShipment> shipment,
        boolean fallback,
        List<Attempt> attempts,
        Instant createdAt,
        Instant updatedAt,
        Optional<ShipmentResolution> resolution,
        Optional<ClientId> client,
        Optional<Instant> personalDataErasedAt) {

    /**
     * How long a claim may stay {@link ShipmentStatus#IN_PROGRESS} before it counts as abandoned (its
     * process died mid-call): far beyond any carrier timeout, so a live request is never taken for dead.
     */
    public static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

    public ShipmentRecord {
        Checks.required(orderId, "orderId");
        Checks.required(requestFingerprint, "requestFingerprint");
        Checks.required(status, "status");
        Checks.required(shipment, "shipment");
        if (status == ShipmentStatus.CREATED && shipment.isEmpty()) {
            throw new InvalidValueException("shipment", "is required once created");
        }
        attempts = List.copyOf(Checks.required(attempts, "attempts"));
        Checks.required(createdAt, "createdAt");
        Checks.required(updatedAt, "updatedAt");
        Checks.required(resolution, "resolution");
        Checks.required(client, "client");
        Checks.required(personalDataErasedAt, "personalDataErasedAt");
    }

    /** A fresh claim by {@code client}: a request is about to ask the carriers. */
    public static ShipmentRecord inProgress(OrderId orderId, ClientId client, String fingerprint, Instant now) {
        return new ShipmentRecord(
                orderId,
                fingerprint,
                ShipmentStatus.IN_PROGRESS,
                Optional.empty(),
                false,
                List.of(),
                now,
                now,
                Optional.empty(),
                Optional.of(client),
                Optional.empty());
    }

    /**
     * A new claim by {@code client} on an order an operator found was not created; the resolution stays on record.
     * Only a client the order {@linkplain #isVisibleTo is visible to} may claim it again, and the order is then its.
     */
    public ShipmentRecord reclaimed(ClientId client, String fingerprint, Instant now) {
        return changed(
                fingerprint,
                ShipmentTransition.RECLAIM.apply(status),
                Optional.empty(),
                false,
                List.of(),
                now,
                resolution,
                Optional.of(client));
    }

    /**
     * Whether {@code reader} may see this order and ship under its id: the client that claimed it may, and every client
     * may see an order stored before clients were recorded. To anyone else the order does not exist.
     */
    public boolean isVisibleTo(ClientId reader) {
        return client.map(reader::equals).orElse(true);
    }

    public ShipmentRecord created(CreatedShipment created, boolean fallback, List<Attempt> attempts, Instant now) {
        return changed(
                requestFingerprint,
                ShipmentTransition.CREATE.apply(status),
                Optional.of(created),
                fallback,
                attempts,
                now,
                resolution,
                client);
    }

    /**
     * The record with {@code labels} as its shipment's labels; unchanged when no shipment was created, or when its
     * personal data was erased (labels print both parties' addresses: they are not kept again).
     */
    public ShipmentRecord withLabels(List<Label> labels) {
        if (personalDataErasedAt.isPresent()) {
            return this;
        }
        return changed(
                requestFingerprint,
                status,
                shipment.map(created -> created.withLabels(labels)),
                fallback,
                attempts,
                updatedAt,
                resolution,
                client);
    }

    public ShipmentRecord outcomeUnknown(List<Attempt> attempts, Instant now) {
        return changed(
                requestFingerprint,
                ShipmentTransition.HOLD.apply(status),
                Optional.empty(),
                attempts.size() > 1,
                attempts,
                now,
                resolution,
                client);
    }

    /**
     * Whether only an operator can move this order on: its outcome is unknown, or its claim was abandoned by
     * a process that died while asking a carrier.
     */
    public boolean awaitsResolution(Instant now) {
        return status == ShipmentStatus.OUTCOME_UNKNOWN
                || status == ShipmentStatus.IN_PROGRESS
                        && updatedAt.plus(ABANDONED_AFTER).isBefore(now);
    }

    /**
     * The status a reader is told at {@code now}: {@link ShipmentStatus#OUTCOME_UNKNOWN} for every order that
     * {@linkplain #awaitsResolution awaits resolution}, an abandoned claim included; the stored status otherwise. The
     * one place that decides it, for a repeated request, a read of the order and the list of held orders alike.
     */
    public ShipmentStatus statusAt(Instant now) {
        return awaitsResolution(now) ? ShipmentStatus.OUTCOME_UNKNOWN : status;
    }

    /** This record as a reader sees it at {@code now}: its status is {@link #statusAt}, all else as stored. */
    public ShipmentRecord asSeenAt(Instant now) {
        ShipmentStatus seen = statusAt(now);
        return seen == status
                ? this
                : new ShipmentRecord(
                        orderId,
                        requestFingerprint,
                        seen,
                        shipment,
                        fallback,
                        attempts,
                        createdAt,
                        updatedAt,
                        resolution,
                        client,
                        personalDataErasedAt);
    }

    /**
     * Since when an order that awaits resolution has been held: its last change (the unknown outcome, or the start of
     * the abandoned claim). Held orders are listed oldest first by it.
     */
    public Instant heldSince() {
        return updatedAt;
    }

    /**
     * The carriers an order was attempted at, in the order they were asked, each once; empty when the record names
     * none (a claim abandoned before its attempts were recorded).
     */
    public List<CarrierId> carriersAttempted() {
        return attempts.stream().map(Attempt::carrier).distinct().toList();
    }

    /** The record once an operator has said what they found at the carrier. */
    public ShipmentRecord resolved(ShipmentResolution answer) {
        ShipmentTransition move =
                answer.found().isPresent() ? ShipmentTransition.RESOLVE_FOUND : ShipmentTransition.RESOLVE_NOT_CREATED;
        boolean servedByAnother = answer.found()
                .map(found -> !attempts.isEmpty() && !attempts.get(0).carrier().equals(found.carrier()))
                .orElse(false);
        return changed(
                requestFingerprint,
                move.apply(status),
                answer.found(),
                servedByAnother,
                attempts,
                answer.at(),
                Optional.of(answer),
                client);
    }

    /** The same order, changed: new data, so its personal data is held (not erased). */
    private ShipmentRecord changed(
            String fingerprint,
            ShipmentStatus newStatus,
            Optional<CreatedShipment> newShipment,
            boolean newFallback,
            List<Attempt> newAttempts,
            Instant newUpdatedAt,
            Optional<ShipmentResolution> newResolution,
            Optional<ClientId> newClient) {
        return new ShipmentRecord(
                orderId,
                fingerprint,
                newStatus,
                newShipment,
                newFallback,
                newAttempts,
                createdAt,
                newUpdatedAt,
                newResolution,
                newClient,
                Optional.empty());
    }
}
