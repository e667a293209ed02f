package io.haderos.shipping.adapter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.ShipmentRecord;
import io.haderos.shipping.domain.model.ShipmentResolution;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An order's shipment as stored: {@code {"order_id","provider","tracking","parcel_tracking":[…],"fallback",
 * "label_url","status","attempts":[…],"created_at","updated_at","resolution","personal_data_erased_at"}}. {@code provider},
 * {@code tracking} and {@code label_url} are null until a carrier has created the shipment (status {@code created}).
 * {@code personal_data_erased_at} is there only once the retention has erased the order's personal data
 * (docs/architecture.md#retention): attempts then have no detail, the label link and the resolution's reason are gone.
 */
record ShipmentResponse(
        String orderId,
        String provider,
        String tracking,
        List<String> parcelTracking,
        boolean fallback,
        String labelUrl,
        String status,
        List<AttemptResponse> attempts,
        Instant createdAt,
        Instant updatedAt,
        ResolutionResponse resolution,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant personalDataErasedAt) {

    /** How an operator resolved an unknown outcome: {@code {"outcome","actor","reason","resolved_at"}}. */
    record ResolutionResponse(String outcome, String actor, String reason, Instant resolvedAt) {

        static ResolutionResponse from(ShipmentResolution resolution) {
            return new ResolutionResponse(
                    resolution.created() ? "created" : "not_created",
                    resolution.actor(),
                    resolution.note(),
                    resolution.at());
        }
    }

    static ShipmentResponse from(ShipmentRecord record) {
        Optional<CreatedShipment> shipment = record.shipment();
        return new ShipmentResponse(
                record.orderId().value(),
                shipment.map(s -> s.carrier().value()).orElse(null),
                shipment.map(CreatedShipment::trackingNumber).orElse(null),
                shipment.map(CreatedShipment::parcelTrackingNumbers).orElse(List.of()),
                record.fallback(),
                shipment.flatMap(CreatedShipment::labelUrl).map(URI::toString).orElse(null),
                record.status().name().toLowerCase(Locale.ROOT),
                AttemptResponse.from(record.attempts()),
                record.createdAt(),
                record.updatedAt(),
                record.resolution().map(ResolutionResponse::from).orElse(null),
                record.personalDataErasedAt().orElse(null));
    }
}
