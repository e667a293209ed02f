package io.haderos.shipping.domain.port.out;

import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import java.util.Objects;

/** Why a carrier could not serve a call. Messages are safe to show: they never carry secrets. */
public abstract sealed class CarrierException extends RuntimeException
        permits CarrierUnavailableException,
                CarrierRejectedException,
                CarrierConfigurationException,
                TrackingNumberNotFoundException {

    private static final long serialVersionUID = 1L;

    private final transient CarrierId carrier;

    protected CarrierException(CarrierId carrier, String message, Throwable cause) {
        super(message, cause);
        this.carrier = Objects.requireNonNull(carrier, "carrier");
    }

    public CarrierId carrier() {
        return carrier;
    }

    /** How this failure is reported in a response's list of attempts. */
    public abstract AttemptOutcome outcome();
}
