package io.haderos.shipping.domain.port.out;

import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;

/**
 * The carrier refused our credentials or account (Aramex {@code ERR01}, SMSA 401), or answered in a way
 * that means our own request is malformed. Not an outage: breakers do not count it, operators are alerted,
 * and the request was not processed, so another carrier may be tried.
 */
public final class CarrierConfigurationException extends CarrierException {

    private static final long serialVersionUID = 1L;

    public CarrierConfigurationException(CarrierId carrier, String detail) {
        super(carrier, carrier + " configuration problem: " + detail, null);
    }

    @Override
    public AttemptOutcome outcome() {
        return AttemptOutcome.CONFIGURATION_ERROR;
    }
}
