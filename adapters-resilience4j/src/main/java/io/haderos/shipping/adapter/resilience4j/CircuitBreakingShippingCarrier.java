package io.haderos.shipping.adapter.resilience4j;

import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.RateQuote;
import io.haderos.shipping.domain.model.RateRequest;
import io.haderos.shipping.domain.model.ShipmentRequest;
import io.haderos.shipping.domain.model.ShipmentTracking;
import io.haderos.shipping.domain.port.out.ShippingCarrier;
import java.util.List;

/** A carrier whose every call passes its breaker; an open breaker never reaches the carrier. */
final class CircuitBreakingShippingCarrier implements ShippingCarrier {

    private final ShippingCarrier carrier;
    private final CarrierCircuitBreaker breaker;

    CircuitBreakingShippingCarrier(ShippingCarrier carrier, CarrierCircuitBreaker breaker) {
        this.carrier = carrier;
        this.breaker = breaker;
    }

    @Override
    public CarrierId id() {
        return carrier.id();
    }

    @Override
    public List<RateQuote> quoteRates(RateRequest request) {
        return breaker.call(() -> carrier.quoteRates(request));
    }

    @Override
    public CreatedShipment createShipment(ShipmentRequest request) {
        return breaker.call(() -> carrier.createShipment(request));
    }

    @Override
    public ShipmentTracking track(String trackingNumber) {
        return breaker.call(() -> carrier.track(trackingNumber));
    }
}
