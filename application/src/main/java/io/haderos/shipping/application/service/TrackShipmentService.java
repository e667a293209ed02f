package io.haderos.shipping.application.service;

import io.haderos.shipping.application.port.in.NoCarrierAvailableException;
import io.haderos.shipping.application.port.in.TrackShipmentUseCase;
import io.haderos.shipping.application.port.in.UnknownCarrierException;
import io.haderos.shipping.domain.model.Attempt;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.ShipmentTracking;
import io.haderos.shipping.domain.port.out.CarrierConfigurationException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.ShippingCarrier;
import java.util.List;
import java.util.Optional;

/** Tracks a shipment at the carrier that carries it; no fallback, since only that carrier knows it. */
public final class TrackShipmentService implements TrackShipmentUseCase {

    private final List<ShippingCarrier> carriers;

    public TrackShipmentService(List<ShippingCarrier> carriers) {
        this.carriers = List.copyOf(carriers);
    }

    @Override
    public ShipmentTracking track(CarrierId carrierId, String trackingNumber) {
        ShippingCarrier carrier = carriers.stream()
                .filter(c -> c.id().equals(carrierId))
                .findFirst()
                .orElseThrow(() -> new UnknownCarrierException(carrierId.value()));
        try {
            return carrier.track(trackingNumber);
        } catch (CarrierUnavailableException e) {
            throw new NoCarrierAvailableException(
                    List.of(new Attempt(carrierId, e.outcome(), e.getMessage())), e.retryAfter());
        } catch (CarrierConfigurationException e) {
            throw new NoCarrierAvailableException(
                    List.of(new Attempt(carrierId, e.outcome(), e.getMessage())), Optional.empty());
        }
    }
}
