package io.haderos.shipping.adapter.rest;

import io.haderos.shipping.application.port.in.TrackShipmentUseCase;
import io.haderos.shipping.application.port.in.UnknownCarrierException;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.InvalidValueException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionStage;

/** {@code GET /api/v1/shipments/{provider}/{tracking}}: a shipment's events, asked of its carrier. */
@Singleton
@Path("/api/v1/shipments/{provider}/{tracking}")
public final class ShipmentTrackingResource {

    /** The longest tracking number any carrier issues (the domain's bound). */
    static final int MAX_TRACKING_CHARS = 64;

    private final TrackShipmentUseCase trackShipment;

    @Inject
    public ShipmentTrackingResource(TrackShipmentUseCase trackShipment) {
        this.trackShipment = trackShipment;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<ShipmentTrackingResponse> track(
            @PathParam("provider") String provider, @PathParam("tracking") String tracking) {
        CarrierId carrier = carrier(provider);
        if (tracking.isBlank()
                || tracking.length() > MAX_TRACKING_CHARS
                || tracking.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException(
                    "tracking", "must be a tracking number of 1 to " + MAX_TRACKING_CHARS + " characters");
        }
        return trackShipment.track(carrier, tracking.strip()).thenApply(ShipmentTrackingResponse::from);
    }

    /** A name that cannot be a carrier's is as unknown as one that is not configured. */
    private static CarrierId carrier(String provider) {
        try {
            return CarrierId.of(provider);
        } catch (InvalidValueException e) {
            throw new UnknownCarrierException(provider);
        }
    }
}
