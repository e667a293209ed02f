package io.haderos.shipping.domain.policy;

import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import io.haderos.shipping.domain.model.CarrierId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * docs/architecture.md#one-notice-per-fleet: which transitions people are told about. An outage begins when a breaker
 * stops calls (open or forced open) from a state that let them through, and ends when it is closed again: one notice
 * for each, however many half-open trials fail in between. An outage that ends by the breaker being disabled ends
 * without a notice ({@link #endsSilently}). Several instances then agree that only one of them sends each notice.
 *
 * <p>Thread-safe; remembers when each carrier's current outage began.
 */
public final class OutageNotices {

    private final Map<CarrierId, Instant> outageStarts = new ConcurrentHashMap<>();

    /** The notice this transition calls for, if any. */
    public Optional<OutageNotice> on(CircuitStateChanged change) {
        boolean wasServing = change.from() == CircuitState.CLOSED || change.from() == CircuitState.DISABLED;
        if (change.to().blocksCalls() && wasServing) {
            outageStarts.put(change.carrier(), change.at());
            return Optional.of(new OutageNotice(
                    change.carrier(),
                    OutageNotice.Kind.OPENED,
                    change.at(),
                    change.cause(),
                    Optional.empty(),
                    change.actor()));
        }
        if (change.to() == CircuitState.CLOSED && !wasServing) {
            Optional<Duration> openFor = Optional.ofNullable(outageStarts.remove(change.carrier()))
                    .map(start -> Duration.between(start, change.at()));
            return Optional.of(new OutageNotice(
                    change.carrier(),
                    OutageNotice.Kind.RECOVERED,
                    change.at(),
                    change.cause(),
                    openFor,
                    change.actor()));
        }
        if (change.to() == CircuitState.DISABLED) {
            outageStarts.remove(change.carrier());
        }
        return Optional.empty();
    }

    /**
     * Whether the transition ends the breaker's outage without a notice: an operator disabled a breaker that was
     * stopping calls. Stateless.
     */
    public static boolean endsSilently(CircuitStateChanged change) {
        return change.to() == CircuitState.DISABLED
                && change.from() != CircuitState.CLOSED
                && change.from() != CircuitState.DISABLED;
    }
}
