package io.haderos.shipping.adapter.carrierhttp;

import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;

/** What an HTTP status and its headers mean alike at every carrier; what else a status means is the carrier's. */
public final class CarrierStatuses {

    /** The longest {@code Retry-After} taken as a hint: a day. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    private CarrierStatuses() {}

    /**
     * The carrier fault a status names: 429, 502 and 503 {@code SERVICE_UNAVAILABLE}; 408 and 504 {@code TIMEOUT};
     * every other 5xx {@code SERVER_ERROR}; empty for any other status, which each carrier reads its own way.
     */
    public static Optional<Reason> unavailableReason(int status) {
        if (status == 502 || status == 503 || status == 429) {
            return Optional.of(Reason.SERVICE_UNAVAILABLE);
        }
        if (status == 504 || status == 408) {
            return Optional.of(Reason.TIMEOUT);
        }
        if (status >= 500 && status < 600) {
            return Optional.of(Reason.SERVER_ERROR);
        }
        return Optional.empty();
    }

    /**
     * The {@code Retry-After} header as a number of seconds, at most {@link #MAX_RETRY_AFTER}; empty when it is
     * missing, an HTTP date (not worth parsing for a hint) or out of range.
     */
    public static Optional<Duration> retryAfter(HttpHeaders headers) {
        return headers.firstValue("Retry-After")
                .map(String::strip)
                .filter(value -> value.matches("\\d{1,6}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value)))
                .filter(delay -> delay.compareTo(MAX_RETRY_AFTER) <= 0);
    }
}
