package io.haderos.shipping.domain.policy;

import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import io.haderos.shipping.domain.circuit.OperatorOverride;
import io.haderos.shipping.domain.policy.Alert.Severity;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * docs/architecture.md#rest-contract: the monitoring alerts for a set of breakers.
 *
 * <ul>
 *   <li>one per breaker that is not CLOSED: critical while it blocks calls (open, forced open),
 *       a warning while half-open or disabled. An open breaker's alert says when its trial comes; one held by an
 *       operator names the operator and the reason, and says when the order ends or that only an operator ends it,
 *       never promising a trial;</li>
 *   <li>one critical alert per carrier that refuses our credentials or account;</li>
 *   <li>one critical alert for the gateway when no carrier can take a shipment right now: a shipment is never a
 *       breaker's trial, so a breaker whose trial is due or running cannot take one (docs/architecture.md#slowness-and-hangs "ship view").</li>
 * </ul>
 */
public final class AlertPolicy {

    /** The {@link Alert#breaker()} name of alerts about the gateway as a whole. */
    public static final String GATEWAY = "gateway";

    public List<Alert> alertsFor(List<CircuitSnapshot> breakers) {
        List<Alert> alerts = new ArrayList<>();
        breakers.stream()
                .map(AlertPolicy::breakerAlert)
                .flatMap(Optional::stream)
                .forEach(alerts::add);
        breakers.stream()
                .map(AlertPolicy::configurationAlert)
                .flatMap(Optional::stream)
                .forEach(alerts::add);
        noCarrierCanServe(breakers).ifPresent(alerts::add);
        return List.copyOf(alerts);
    }

    private static Optional<Alert> breakerAlert(CircuitSnapshot breaker) {
        String name = breaker.carrier().value();
        return switch (breaker.state()) {
            case CLOSED -> Optional.empty();
            case OPEN ->
                Optional.of(new Alert(
                        name,
                        Severity.CRITICAL,
                        name + " circuit is open after " + breaker.failureCount() + " consecutive failures; "
                                + (breaker.shouldAttemptReset()
                                        ? "the next call will be a trial"
                                        : "trial in "
                                                + CarrierUnavailableException.secondsRoundedUp(
                                                        breaker.retryAfter().orElse(Duration.ZERO))
                                                + " s"),
                        breaker.stateSince()));
            case FORCED_OPEN ->
                Optional.of(new Alert(
                        name,
                        Severity.CRITICAL,
                        name + " circuit is held open by " + heldBy(breaker)
                                + breaker.override()
                                        .flatMap(OperatorOverride::until)
                                        .map(until -> "; calls resume at " + until)
                                        .orElse("; no call is sent until an operator closes it"),
                        breaker.stateSince()));
            case HALF_OPEN ->
                Optional.of(new Alert(
                        name,
                        Severity.WARNING,
                        name + " circuit is half-open: trial calls are testing recovery",
                        breaker.stateSince()));
            case DISABLED ->
                Optional.of(new Alert(
                        name,
                        Severity.WARNING,
                        name + " circuit breaker is disabled by " + heldBy(breaker) + ": failures are not counted"
                                + breaker.override()
                                        .flatMap(OperatorOverride::until)
                                        .map(until -> " until " + until)
                                        .orElse(""),
                        breaker.stateSince()));
        };
    }

    /** "nora (Aramex maintenance)", or "an operator" when the snapshot does not say who. */
    private static String heldBy(CircuitSnapshot breaker) {
        return breaker.override()
                .map(order -> order.actor() + " (" + order.reason() + ")")
                .orElse("an operator");
    }

    private static Optional<Alert> configurationAlert(CircuitSnapshot breaker) {
        String name = breaker.carrier().value();
        return breaker.configurationFault()
                .map(fault -> new Alert(
                        name,
                        Severity.CRITICAL,
                        name + " refuses our configuration (check credentials and account): " + fault.detail(),
                        fault.since()));
    }

    private static Optional<Alert> noCarrierCanServe(List<CircuitSnapshot> breakers) {
        if (breakers.isEmpty()
                || breakers.stream().anyMatch(breaker -> breaker.canServe(CarrierOperation.CREATE_SHIPMENT))) {
            return Optional.empty();
        }
        Instant since = breakers.stream()
                .map(CircuitSnapshot::stateSince)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        return Optional.of(new Alert(
                GATEWAY,
                Severity.CRITICAL,
                "no carrier can serve shipments: every circuit is open or testing recovery",
                since));
    }
}
