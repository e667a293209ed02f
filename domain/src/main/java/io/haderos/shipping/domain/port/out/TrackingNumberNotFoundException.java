package io.haderos.shipping.domain.port.out;

import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;

/** The carrier does not know this tracking number. A caller fault: breakers do not count it. */
public final class TrackingNumberNotFoundException extends CarrierException {

    private static final long serialVersionUID = 1L;

    private final String trackingNumber;

    public TrackingNumberNotFoundException(CarrierId carrier, String trackingNumber) {
        super(carrier, carrier + " does not know tracking number " + trackingNumber, null);
        this.trackingNumber = trackingNumber;
    }

    public String trackingNumber() {
        return trackingNumber;
    }

    @Override
    public AttemptOutcome outcome() {
        return AttemptOutcome.NOT_FOUND;
    }
}
