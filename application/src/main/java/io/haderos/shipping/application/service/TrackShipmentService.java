package io.haderos.shipping.application.service;

import io.haderos.shipping.application.port.in.NoCarrierAvailableException;
import io.haderos.shipping.application.port.in.RequestRejectedException;
import io.haderos.shipping.application.port.in.TrackShipmentUseCase;
import io.haderos.shipping.application.port.in.UnknownCarrierException;
import io.haderos.shipping.application.port.out.CarrierCallObserver;
import io.haderos.shipping.domain.model.Attempt;
import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.ShipmentTracking;
import io.haderos.shipping.domain.policy.CarrierOperation;
import io.haderos.shipping.domain.port.out.CarrierConfigurationException;
import io.haderos.shipping.domain.port.out.CarrierException;
import io.haderos.shipping.domain.port.out.CarrierRejectedException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.ShippingCarrier;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
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
        CarrierCallObserver observer = this.observer.boundToCaller();
        long started = System.nanoTime();
        return carrier.trackAsync(trackingNumber).handle((tracking, failure) -> {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            if (failure == null) {
                observer.called(carrierId, CarrierOperation.TRACK_SHIPMENT, AttemptOutcome.SUCCESS, elapsed);
                return tracking;
            }
            Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof CarrierException carrierFailure) {
                observer.called(carrierId, CarrierOperation.TRACK_SHIPMENT, carrierFailure.outcome(), elapsed);
            }
            if (cause instanceof CarrierUnavailableException unavailable) {
                throw unavailable(carrierId, unavailable, unavailable.retryAfter());
            }
            if (cause instanceof CarrierConfigurationException configuration) {
                throw unavailable(carrierId, configuration, Optional.empty());
            }
            if (cause instanceof CarrierRejectedException rejected) {
                throw new RequestRejectedException(
                        rejected, List.of(new Attempt(carrierId, rejected.outcome(), rejected.getMessage())));
            }
            throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
        });
    }

    private static NoCarrierAvailableException unavailable(
            CarrierId carrier, CarrierException failure, Optional<Duration> retryAfter) {
        return new NoCarrierAvailableException(
                List.of(new Attempt(carrier, failure.outcome(), failure.getMessage())), retryAfter);
    }
}
