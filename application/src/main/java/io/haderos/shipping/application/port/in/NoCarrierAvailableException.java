package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.model.Attempt;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every carrier failed or was unavailable; nothing was created. Retry later. */
public final class NoCarrierAvailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Attempt> attempts;
    private final transient Optional<Duration> retryAfter;

    public NoCarrierAvailableException(List<Attempt> attempts, Optional<Duration> retryAfter) {
        super("no carrier is available");
        this.attempts = List.copyOf(attempts);
        this.retryAfter = retryAfter;
    }

    public List<Attempt> attempts() {
        return attempts;
    }

    /** The time until the earliest breaker allows a trial, when a breaker is what stopped the calls. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
