package io.haderos.shipping.application.service;

import io.haderos.shipping.application.port.in.TrackShipmentUseCase;
import io.haderos.shipping.application.port.in.UnknownCarrierException;
import io.haderos.shipping.application.port.out.CarrierCallObserver;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.ShipmentTracking;
import io.haderos.shipping.domain.policy.CarrierOperation;
import io.haderos.shipping.domain.port.out.ShippingCarrier;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Tracks a shipment at the carrier that carries it; no fallback, since only that carrier knows it. */
public final class TrackShipmentService implements TrackShipmentUseCase {

    private final List<ShippingCarrier> carriers;
    private final CarrierCallObserver observer;

    public TrackShipmentService(List<ShippingCarrier> carriers, CarrierCallObserver observer) {
        this.carriers = List.copyOf(carriers);
        this.observer = observer;
    }

    @Override
    public CompletionStage<ShipmentTracking> track(CarrierId carrierId, String trackingNumber) {
        ShippingCarrier carrier = carriers.stream()
                .filter(c -> c.id().equals(carrierId))
                .findFirst()
                .orElseThrow(() -> new UnknownCarrierException(carrierId.value()));
        return CarrierRead.call(
                carrierId,
                CarrierOperation.TRACK_SHIPMENT,
                observer.boundToCaller(),
                () -> carrier.trackAsync(trackingNumber));
    }
}
