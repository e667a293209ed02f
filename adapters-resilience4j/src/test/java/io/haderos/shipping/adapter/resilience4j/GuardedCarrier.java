package io.haderos.shipping.adapter.resilience4j;

import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.RateQuote;
import io.haderos.shipping.domain.model.RateRequest;
import io.haderos.shipping.domain.model.ShipmentRequest;
import io.haderos.shipping.domain.model.ShipmentTracking;
import io.haderos.shipping.domain.policy.CarrierOperation;
import io.haderos.shipping.domain.port.out.ShippingCarrier;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A fake carrier behind a breaker, wired the way the carrier adapters wire theirs. */
final class GuardedCarrier implements ShippingCarrier {

    private final CarrierCircuitBreaker breaker;
    private final ShippingCarrier carrier;

    GuardedCarrier(CarrierCircuitBreaker breaker, ShippingCarrier carrier) {
        this.breaker = breaker;
        this.carrier = carrier;
    }

    @Override
    public CarrierId id() {
        return carrier.id();
    }

    @Override
    public CompletableFuture<List<RateQuote>> quoteRatesAsync(RateRequest request) {
        return breaker.callAsync(CarrierOperation.QUOTE_RATES, () -> carrier.quoteRatesAsync(request));
    }

    @Override
    public CompletableFuture<CreatedShipment> createShipmentAsync(ShipmentRequest request) {
        return breaker.callAsync(CarrierOperation.CREATE_SHIPMENT, () -> carrier.createShipmentAsync(request));
    }

    @Override
    public CompletableFuture<ShipmentTracking> trackAsync(String trackingNumber) {
        return breaker.callAsync(CarrierOperation.TRACK_SHIPMENT, () -> carrier.trackAsync(trackingNumber));
    }

    @Override
    public CompletableFuture<List<CreatedShipment>> findByReferenceAsync(OrderId orderId) {
        return breaker.callAsync(CarrierOperation.TRACK_SHIPMENT, () -> carrier.findByReferenceAsync(orderId));
    }

    @Override
    public Optional<CompletableFuture<Void>> probeAsync() {
        return Optional.of(trackAsync("PROBE").thenApply(tracking -> null));
    }
}
