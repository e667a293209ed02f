package io.haderos.shipping.domain.policy;

import io.haderos.shipping.domain.policy.FallbackDecision.StopOutcomeUnknown;
import io.haderos.shipping.domain.policy.FallbackDecision.StopRejected;
import io.haderos.shipping.domain.policy.FallbackDecision.TryNextCarrier;
import io.haderos.shipping.domain.port.out.CarrierException;
import io.haderos.shipping.domain.port.out.CarrierRejectedException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import java.util.List;
import java.util.Optional;

/**
 * docs/architecture.md#fallback-policy: when a carrier fails, whether the next one in the configured order may be tried.
 *
 * <p>The rules, first match wins:
 * <ol>
 *   <li>a caller fault stops: the carrier rejected the content, and so would the next one;</li>
 *   <li>creating a shipment stops when the carrier may have acted on the request (timeout after sending,
 *       HTTP 500, unreadable reply, broken connection): the outcome is unknown;</li>
 *   <li>anything else was not processed (circuit open, connection refused, 502/503, bad credentials,
 *       an unknown carrier error), so the next carrier is tried.</li>
 * </ol>
 */
public final class FallbackPolicy {

    private final List<Rule> rules =
            List.of(FallbackPolicy::callerFaultStops, FallbackPolicy::possiblyCreatedShipmentStops);

    public FallbackDecision decide(CarrierOperation operation, CarrierException failure) {
        return rules.stream()
                .map(rule -> rule.apply(operation, failure))
                .flatMap(Optional::stream)
                .findFirst()
                .orElseGet(() -> new TryNextCarrier(failure));
    }

    @FunctionalInterface
    private interface Rule {
        Optional<FallbackDecision> apply(CarrierOperation operation, CarrierException failure);
    }

    private static Optional<FallbackDecision> callerFaultStops(CarrierOperation operation, CarrierException failure) {
        return failure instanceof CarrierRejectedException rejected
                ? Optional.of(new StopRejected(rejected))
                : Optional.empty();
    }

    private static Optional<FallbackDecision> possiblyCreatedShipmentStops(
            CarrierOperation operation, CarrierException failure) {
        boolean mayExist = operation == CarrierOperation.CREATE_SHIPMENT
                && failure instanceof CarrierUnavailableException unavailable
                && unavailable.reason().mayHaveBeenProcessed();
        return mayExist ? Optional.of(new StopOutcomeUnknown(failure)) : Optional.empty();
    }
}
