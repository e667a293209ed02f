package io.haderos.shipping.adapter.smsa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns everything that can go wrong with an SMSA call into exactly one {@link CarrierException}. The breaker
 * counts only {@link CarrierUnavailableException}:
 *
 * <table>
 *   <caption>What SMSA answered, and what it means</caption>
 *   <tr><th>Observation</th><th>Failure</th></tr>
 *   <tr><td>HTTP 400 with field {@code errors}; a 200 {@code {"status": "Failed"}}</td>
 *       <td>{@link CarrierRejectedException}: the caller must fix the request</td></tr>
 *   <tr><td>HTTP 401/403 (the API key), 400 without field errors, any other 4xx</td>
 *       <td>{@link CarrierConfigurationException}, logged: an operator must fix the configuration</td></tr>
 *   <tr><td>5xx, 408, 429, 1xx/3xx, timeouts, connection failures, a 2xx body that is not the expected JSON</td>
 *       <td>{@link CarrierUnavailableException}: a carrier fault</td></tr>
 * </table>
 *
 * A 404 to a tracking query means an unknown AWB; the client handles it before anything reaches here.
 *
 * <p>Messages name the operation, the HTTP status or SMSA's words, never a request body. Text taken from a reply is
 * cleaned of control characters, shortened, and has the API key masked, so nothing secret or unbounded reaches a
 * message or the log.
 */
final class SmsaFaults {

    private static final Logger LOG = LoggerFactory.getLogger(SmsaFaults.class);
    private static final CarrierId SMSA = CarrierId.SMSA;
    private static final int EXCERPT = 200;

    private final ObjectMapper mapper;
    private final String apiKey;

    /**
     * @param mapper reads the JSON of error replies
     * @param apiKey must never appear in a message
     */
    SmsaFaults(ObjectMapper mapper, String apiKey) {
        this.mapper = mapper;
        this.apiKey = apiKey;
    }

    // ------------------------------------------------------------------------------------ HTTP 2xx replies

    /** A 2xx reply to a create without {@code sawb}: a business failure ({@code status: Failed}) or nonsense. */
    CarrierException notCreated(String operation, JsonNode body) {
        JsonNode status = body.path("status");
        if (status.isTextual() && status.asText().strip().equalsIgnoreCase("failed")) {
            String message = text(body, "message").orElse("SMSA did not create the shipment (status Failed)");
            return new CarrierRejectedException(SMSA, List.of(new CarrierMessage("", clean(message))));
        }
        return unreadable(
                operation,
                "no sawb or waybills in a " + body.getNodeType().name().toLowerCase(Locale.ROOT) + " reply");
    }

    /** A 2xx reply that is not JSON or not of the expected shape. */
    CarrierUnavailableException unreadable(String operation, String detail) {
        return unavailable(Reason.UNREADABLE_REPLY, "unreadable reply to " + operation + ": " + clean(detail));
    }

    // -------------------------------------------------------------------------------- other HTTP statuses

    /** A reply whose status is not 2xx. */
    CarrierException forStatus(SmsaHttp.Reply reply) {
        String operation = reply.operation();
        int status = reply.status();
        if (status == 400) {
            List<CarrierMessage> messages = fieldErrors(reply.body());
            if (!messages.isEmpty()) {
                return new CarrierRejectedException(SMSA, messages);
            }
            return configuration("HTTP 400 without field errors for " + operation + bodyHint(reply.body()));
        }
        if (status == 401 || status == 403) {
            return configuration("SMSA refused the API key (HTTP " + status + ") for " + operation
                    + "; check the configured apikey");
        }
        Optional<Reason> unavailable = CarrierStatuses.unavailableReason(status);
        if (unavailable.isPresent()) {
            String meaning = status == 429 ? " (too many requests)" : status == 504 ? " (gateway timeout)" : "";
            Optional<Duration> retryAfter = unavailable.get() == Reason.SERVICE_UNAVAILABLE
                    ? CarrierStatuses.retryAfter(reply.headers())
                    : Optional.empty();
            return unavailable(unavailable.get(), "HTTP " + status + meaning + " for " + operation, retryAfter);
        }
        if (status >= 400 && status < 500) {
            return configuration("unexpected HTTP " + status + " for " + operation + "; check the base URL"
                    + bodyHint(reply.body()));
        }
        // 1xx, 3xx (redirects are not followed) and anything outside the HTTP range.
        return unavailable(Reason.CARRIER_ERROR, "unexpected HTTP " + status + " for " + operation);
    }

    // ------------------------------------------------------------------------------------ network failures

    /**
     * A failure before a status arrived, classified alike at every carrier ({@link ExchangeFailure}): could not
     * connect (refused, unknown or unreachable host, connect timeout, TLS handshake): nothing was sent. The
     * whole-request timeout or a broken connection: SMSA may have acted on it.
     */
    CarrierUnavailableException forIoFailure(String operation, IOException failure, Duration connectTimeout) {
        ExchangeFailure kind = ExchangeFailure.of(failure);
        String message = switch (kind) {
            case CONNECT_TIMEOUT -> "no connection within " + seconds(connectTimeout) + " for " + operation;
            case NOT_CONNECTED -> "connection refused for " + operation;
            case TLS_HANDSHAKE -> "TLS handshake failed for " + operation;
            case TIMEOUT -> "no answer in time to " + operation;
            case CONNECTION_LOST ->
                "connection lost during " + operation + " ("
                        + failure.getClass().getSimpleName() + ")";
        };
        return unavailable(kind.reason(), message, failure);
    }

    /** No complete reply within the whole-request timeout: SMSA may have acted on the request. */
    CarrierUnavailableException timeout(String operation, Duration timeout) {
        return unavailable(Reason.TIMEOUT, "no complete answer within " + seconds(timeout) + " to " + operation);
    }

    // --------------------------------------------------------------------------------------------- helpers

    /** Text a caller may see: control characters removed, at most {@value #EXCERPT} characters, key masked. */
    String clean(String text) {
        String cleaned = text == null ? "" : text.replaceAll("\\p{Cntrl}+", " ").strip();
        if (!apiKey.isEmpty()) {
            cleaned = cleaned.replace(apiKey, "***");
        }
        return cleaned.length() <= EXCERPT ? cleaned : cleaned.substring(0, EXCERPT) + "…";
    }

    /** Logged because only an operator can fix it; the message is as safe to log as to show. */
    private static CarrierConfigurationException configuration(String detail) {
        CarrierConfigurationException fault = new CarrierConfigurationException(SMSA, detail);
        LOG.warn("{}", fault.getMessage());
        return fault;
    }

    private List<CarrierMessage> fieldErrors(String body) {
        JsonNode root;
        try {
            root = mapper.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            return List.of();
        }
        if (root == null) {
            return List.of();
        }
        JsonNode errors = SmsaJson.field(root, "errors");
        List<CarrierMessage> messages = new ArrayList<>();
        if (errors.isObject()) {
            for (Map.Entry<String, JsonNode> field : errors.properties()) {
                JsonNode value = field.getValue();
                if (value.isArray()) {
                    value.forEach(message -> messages.add(new CarrierMessage(field.getKey(), clean(message.asText()))));
                } else if (!value.isNull()) {
                    messages.add(new CarrierMessage(field.getKey(), clean(value.asText())));
                }
            }
        } else if (errors.isArray()) {
            errors.forEach(message -> messages.add(new CarrierMessage("", clean(message.asText()))));
        }
        return messages;
    }

    private String bodyHint(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode root = mapper.readTree(body);
            Optional<String> said = text(root, "title").or(() -> text(root, "message"));
            if (said.isPresent()) {
                return ": " + clean(said.get());
            }
        } catch (JsonProcessingException e) {
            // not JSON: show the start of the text
        }
        return ": " + clean(body);
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = SmsaJson.field(node, field);
        return value.isValueNode() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
    }

    private static CarrierUnavailableException unavailable(Reason reason, String detail) {
        return new CarrierUnavailableException(SMSA, reason, detail);
    }

    private static CarrierUnavailableException unavailable(
            Reason reason, String detail, Optional<Duration> retryAfter) {
        return new CarrierUnavailableException(SMSA, reason, detail, retryAfter, null);
    }

    private static CarrierUnavailableException unavailable(Reason reason, String detail, Throwable cause) {
        return new CarrierUnavailableException(SMSA, reason, detail, cause);
    }
}
