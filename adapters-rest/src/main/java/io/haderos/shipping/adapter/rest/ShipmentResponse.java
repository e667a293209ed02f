package io.haderos.shipping.adapter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.LabelFormat;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.ShipmentRecord;
import io.haderos.shipping.domain.model.ShipmentResolution;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An order's shipment as stored: {@code {"order_id","provider","tracking","parcel_tracking":[…],"fallback",
 * "label_url","label_format","labels":[…],"status","attempts":[…],"created_at","updated_at","resolution",
 * "personal_data_erased_at"}}. {@code provider}, {@code tracking} and {@code label_url} are null until a carrier has
 * created the shipment (status {@code created}). {@code label_url} is the gateway's own {@code /orders/{order_id}/label}
 * (every label in one document); {@code labels} has one entry per label, {@code {"parcel":1,"format":"pdf",
 * "url":"/orders/{order_id}/label?parcel=1"}}; {@code label_format} is the format the carrier made them in (Aramex
 * makes PDF even when ZPL was asked for), null while there are none. {@code personal_data_erased_at} is there only once
 * the retention has erased the order's personal data (docs/architecture.md#retention): attempts then have no detail,
 * the labels (and {@code label_url}) and the resolution's reason are gone.
 */
record ShipmentResponse(
        String orderId,
        String provider,
        String tracking,
        List<String> parcelTracking,
        boolean fallback,
        String labelUrl,
        String labelFormat,
        List<LabelResponse> labels,
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

    /** One label: {@code {"parcel","format","url"}}, the URL relative to the gateway's API root. */
    record LabelResponse(int parcel, String format, String url) {

        static List<LabelResponse> from(OrderId orderId, CreatedShipment shipment) {
            return shipment.labels().stream()
                    .map(label -> new LabelResponse(
                            label.parcel(), label.format().wireName(), labelUrl(orderId) + "?parcel=" + label.parcel()))
                    .toList();
        }
    }

    /** Where the gateway serves the order's labels. */
    static String labelUrl(OrderId orderId) {
        return UriBuilder.fromPath("/orders/{order_id}/label")
                .build(orderId.value())
                .toString();
    }

    static ShipmentResponse from(ShipmentRecord record) {
        Optional<CreatedShipment> shipment = record.shipment();
        return new ShipmentResponse(
                record.orderId().value(),
                shipment.map(s -> s.carrier().value()).orElse(null),
                shipment.map(CreatedShipment::trackingNumber).orElse(null),
                shipment.map(CreatedShipment::parcelTrackingNumbers).orElse(List.of()),
                record.fallback(),
                shipment.filter(s -> record.personalDataErasedAt().isEmpty())
                        .map(s -> labelUrl(record.orderId()))
                        .orElse(null),
                shipment.flatMap(CreatedShipment::labelFormat)
                        .map(LabelFormat::wireName)
                        .orElse(null),
                shipment.map(s -> LabelResponse.from(record.orderId(), s)).orElse(List.of()),
                record.status().name().toLowerCase(Locale.ROOT),
                AttemptResponse.from(record.attempts()),
                record.createdAt(),
                record.updatedAt(),
                record.resolution().map(ResolutionResponse::from).orElse(null),
                record.personalDataErasedAt().orElse(null));
    }
}
