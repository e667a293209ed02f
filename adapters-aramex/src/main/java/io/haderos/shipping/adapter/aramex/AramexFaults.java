package io.haderos.shipping.adapter.aramex;

import io.haderos.shipping.adapter.carrierhttp.CarrierStatuses;
import io.haderos.shipping.adapter.carrierhttp.ExchangeFailure;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.port.out.CarrierConfigurationException;
import io.haderos.shipping.domain.port.out.CarrierException;
import io.haderos.shipping.domain.port.out.CarrierMessage;
import io.haderos.shipping.domain.port.out.CarrierRejectedException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns everything that can go wrong with an Aramex call into exactly one {@link CarrierException}. The breaker
 * counts only {@link CarrierUnavailableException}:
 *
 * <table>
 *   <caption>What Aramex answered, and what it means</caption>
 *   <tr><th>Observation</th><th>Failure</th></tr>
 *   <tr><td>HTTP 200, {@code HasErrors} with a caller code ({@code ERR06}, {@code ERR30}, {@code ERR52},
 *       {@code REQxx}) or a message naming a part of the request</td>
 *       <td>{@link CarrierRejectedException}: the caller must fix the request</td></tr>
 *   <tr><td>HTTP 200, {@code HasErrors} with {@code ERR01}–{@code ERR03} or a message about {@code ClientInfo};
 *       any other status below 500 except 408 and 429 (WCF's HTML error pages, a redirect: our request or base
 *       URL is wrong)</td>
 *       <td>{@link CarrierConfigurationException}, logged: an operator must fix the configuration</td></tr>
 *   <tr><td>HTTP 200, {@code HasErrors} with other codes or none; 5xx, 408, 429; timeouts, connection failures,
 *       a 2xx body that is not the expected JSON</td>
 *       <td>{@link CarrierUnavailableException}: a carrier fault (unknown codes are logged too)</td></tr>
 * </table>
 *
 * <p>Messages name the operation, the HTTP status or the carrier's codes and words, never a request body; the
 * carrier's words are scrubbed of our password and PIN in case a reply echoes them, so nothing secret reaches a
 * message or the log.
 */
final class AramexFaults {

    private static final Logger LOG = LoggerFactory.getLogger(AramexFaults.class);
    private static final CarrierId ARAMEX = CarrierId.ARAMEX;

    /** Credentials and account: an operator must fix the configuration. */
    static final Set<String> CONFIGURATION_CODES = Set.of("ERR01", "ERR02", "ERR03");

    /** The content of the request: the caller must fix it. {@code REQxx} (a required field) also counts. */
    static final Set<String> CALLER_CODES = Set.of("ERR06", "ERR30", "ERR52");

    /**
     * Aramex prefixes validation messages with the part of the request they are about
     * ({@code "DestinationAddress - City name is invalid"}, {@code "Consignee.PartyAddress - ..."}); a message
     * about {@code ClientInfo} is about our credentials.
     */
    private static final Pattern CALLER_SECTION = Pattern.compile(
            "(?i)(OriginAddress|DestinationAddress|Shipper|Consignee|ThirdParty|ShipmentDetails|Details|Shipments?"
                    + "|PartyAddress|Contact|Dimensions|ActualWeight|CustomsValueAmount|CashOnDeliveryAmount"
                    + "|ProductGroup|ProductType|PaymentType|PaymentOptions|Services)"
                    + "(\\[\\d+])?(\\.\\w+(\\[\\d+])?)*\\s*-\\s.*",
            Pattern.DOTALL);

    private static final Pattern CLIENT_INFO_SECTION =
            Pattern.compile("(?i)ClientInfo(\\.\\w+)*\\s*-\\s.*", Pattern.DOTALL);

    private final Collection<String> secrets;

    /** @param secrets strings that must never appear in a message (the password and PIN) */
    AramexFaults(Collection<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s != null && !s.isEmpty()).toList();
    }

    // ------------------------------------------------------------------------------------ HTTP 200 replies

    /**
     * Returns normally when the reply reports no error; otherwise throws what its notifications mean.
     *
     * @param notifications every notification that belongs to the error: top-level and per shipment
     */
    void throwIfErrors(AramexOperation operation, boolean hasErrors, List<AramexWire.Notification> notifications) {
        if (!hasErrors) {
            return;
        }
        if (notifications.isEmpty()) {
            throw new CarrierUnavailableException(
                    ARAMEX, Reason.CARRIER_ERROR, operation + " reported errors without any notification");
        }
        List<CarrierMessage> messages = notifications.stream()
                .map(n -> new CarrierMessage(n.code(), scrub(n.message())))
                .toList();
        if (messages.stream().anyMatch(AramexFaults::isConfiguration)) {
            throw configuration(operation + " refused our credentials or account: " + summary(messages));
        }
        if (messages.stream().anyMatch(AramexFaults::isCallerFault)) {
            throw new CarrierRejectedException(ARAMEX, messages);
        }
        // Logged as well: new codes are worth a look, and the lists above may need them.
        CarrierUnavailableException unknown = new CarrierUnavailableException(
                ARAMEX, Reason.CARRIER_ERROR, operation + " answered with unknown errors: " + summary(messages));
        LOG.warn("{}", unknown.getMessage());
        throw unknown;
    }

    /** A 2xx reply that is not the JSON the operation promises (a maintenance page, a wrong shape). */
    CarrierUnavailableException unreadable(AramexOperation operation, String detail, Throwable cause) {
        return new CarrierUnavailableException(
                ARAMEX, Reason.UNREADABLE_REPLY, "unreadable reply to " + operation + ": " + scrub(detail), cause);
    }

    // -------------------------------------------------------------------------------- other HTTP statuses

    /**
     * A reply whose status is not 2xx. WCF answers 400 (body not deserializable) and 404 (endpoint not found)
     * with an HTML page: our request or base URL is wrong, so nothing the carrier did, and nothing to count.
     */
    CarrierException forStatus(AramexOperation operation, int status, HttpHeaders headers) {
        String detail = "HTTP " + status + " from " + operation;
        Optional<Reason> unavailable = CarrierStatuses.unavailableReason(status);
        if (unavailable.isPresent()) {
            Optional<Duration> retryAfter = unavailable.get() == Reason.SERVICE_UNAVAILABLE
                    ? CarrierStatuses.retryAfter(headers)
                    : Optional.empty();
            return new CarrierUnavailableException(ARAMEX, unavailable.get(), detail, retryAfter, null);
        }
        if (status >= 600) {
            return new CarrierUnavailableException(ARAMEX, Reason.SERVER_ERROR, detail);
        }
        String contentType =
                headers.firstValue("Content-Type").map(t -> " (" + t + ")").orElse("");
        return configuration(detail + contentType + ": our request or endpoint is wrong");
    }

    // ------------------------------------------------------------------------------------ network failures

    /**
     * A failure before a status arrived, classified alike at every carrier ({@link ExchangeFailure}): could not
     * connect (refused, unknown or unreachable host, connect timeout, TLS handshake): nothing was sent. The
     * whole-request timeout or a broken connection: the carrier may have acted on it.
     */
    CarrierUnavailableException forIoFailure(AramexOperation operation, IOException failure) {
        ExchangeFailure kind = ExchangeFailure.of(failure);
        String message = switch (kind) {
            case CONNECT_TIMEOUT -> "could not connect in time for " + operation;
            case NOT_CONNECTED -> "could not connect for " + operation;
            case TLS_HANDSHAKE -> "TLS handshake failed for " + operation;
            case TIMEOUT -> "no reply to " + operation + " in time";
            case CONNECTION_LOST ->
                "connection lost during " + operation + " ("
                        + failure.getClass().getSimpleName() + ")";
        };
        return new CarrierUnavailableException(ARAMEX, kind.reason(), message, failure);
    }

    /** No complete reply within the whole-request timeout: the carrier may have acted on the request. */
    CarrierUnavailableException timeout(AramexOperation operation, Duration timeout) {
        return new CarrierUnavailableException(
                ARAMEX, Reason.TIMEOUT, "no complete reply to " + operation + " within " + timeout.toMillis() + " ms");
    }

    // --------------------------------------------------------------------------------------------- helpers

    /** Logged because only an operator can fix it; the message is as safe to log as to show. */
    private static CarrierConfigurationException configuration(String detail) {
        CarrierConfigurationException fault = new CarrierConfigurationException(ARAMEX, detail);
        LOG.warn("{}", fault.getMessage());
        return fault;
    }

    static boolean isConfiguration(CarrierMessage message) {
        String code = message.code().toUpperCase(Locale.ROOT);
        return CONFIGURATION_CODES.contains(code)
                || CLIENT_INFO_SECTION.matcher(message.message()).matches();
    }

    static boolean isCallerFault(CarrierMessage message) {
        String code = message.code().toUpperCase(Locale.ROOT);
        return CALLER_CODES.contains(code)
                || code.startsWith("REQ")
                || CALLER_SECTION.matcher(message.message()).matches();
    }

    private String scrub(String text) {
        String scrubbed = text == null ? "" : text;
        for (String secret : secrets) {
            scrubbed = scrubbed.replace(secret, "***");
        }
        return scrubbed;
    }

    private static String summary(List<CarrierMessage> messages) {
        return messages.stream()
                .map(m -> m.code().isEmpty() ? m.message() : (m.code() + " " + m.message()).strip())
                .collect(Collectors.joining("; "));
    }
}
