package io.haderos.shipping.domain.policy;

import io.haderos.shipping.domain.port.out.CarrierException;
import io.haderos.shipping.domain.port.out.CarrierRejectedException;

/** What to do after a carrier failed: try the next carrier, or stop and say why. */
public sealed interface FallbackDecision {

    /** The failure that led to the decision. */
    CarrierException failure();

    /** The request was not served and may safely go to the next carrier. */
    record TryNextCarrier(CarrierException failure) implements FallbackDecision {}

    /** The carrier refused the request's content; another carrier would not help. */
    record StopRejected(CarrierRejectedException failure) implements FallbackDecision {}

    /** The carrier may have created the shipment; creating one elsewhere could ship the order twice. */
    record StopOutcomeUnknown(CarrierException failure) implements FallbackDecision {}
}
