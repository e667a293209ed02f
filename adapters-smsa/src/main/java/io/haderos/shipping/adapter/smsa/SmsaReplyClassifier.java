package io.haderos.shipping.adapter.smsa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.port.out.CarrierConfigurationException;
import io.haderos.shipping.domain.port.out.CarrierException;
import io.haderos.shipping.domain.port.out.CarrierMessage;
import io.haderos.shipping.domain.port.out.CarrierRejectedException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;

/**
 * Turns what SMSA answered (or failed to answer) into the domain's failures, following the table of
 * CARRIERS.md §3.5. Only {@link CarrierUnavailableException}s count for the breaker; everything here that
 * is the caller's or the operator's to fix is another {@link CarrierException}.
 *
 * <p>Text taken from a reply is cleaned of control characters, shortened, and has the API key masked, so
 * nothing secret or unbounded reaches a message.
 */
final class SmsaReplyClassifier {

    private static final CarrierId SMSA = CarrierId.SMSA;
    private static final int EXCERPT = 200;

    private final ObjectMapper json;
    private final String apiKey;

    SmsaReplyClassifier(ObjectMapper json, String apiKey) {
        this.json = json;
        this.apiKey = apiKey;
    }

    /** What the HTTP layer saw: the status, the body as text and the headers that matter. */
    record Reply(int status, String body, Optional<String> retryAfter) {

        boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * The failure for a reply whose status is not 2xx. A 404 on tracking is not classified here (it means an
     * unknown AWB); callers handle it first.
     */
    CarrierException forStatus(Reply reply, String operation) {
        int status = reply.status();
        if (status == 400) {
            List<CarrierMessage> messages = fieldErrors(reply.body());
            if (!messages.isEmpty()) {
                return new CarrierRejectedException(SMSA, messages);
            }
            return new CarrierConfigurationException(
                    SMSA, "HTTP 400 without field errors for " + operation + bodyHint(reply.body()));
        }
        if (status == 401 || status == 403) {
            return new CarrierConfigurationException(
                    SMSA,
                    "SMSA refused the API key (HTTP " + status + ") for " + operation
                            + "; check the configured apikey");
        }
        if (status == 408) {
            return unavailable(Reason.TIMEOUT, "HTTP 408 for " + operation);
        }
        if (status == 429) {
            return unavailable(
                    Reason.SERVICE_UNAVAILABLE, "HTTP 429 (too many requests) for " + operation, retryAfter(reply));
        }
        if (status == 502 || status == 503) {
            return unavailable(Reason.SERVICE_UNAVAILABLE, "HTTP " + status + " for " + operation, retryAfter(reply));
        }
        if (status == 504) {
            return unavailable(Reason.TIMEOUT, "HTTP 504 (gateway timeout) for " + operation);
        }
        if (status >= 500 && status < 600) {
            return unavailable(Reason.SERVER_ERROR, "HTTP " + status + " for " + operation);
        }
        if (status >= 400 && status < 500) {
            return new CarrierConfigurationException(
                    SMSA,
                    "unexpected HTTP " + status + " for " + operation + "; check the base URL"
                            + bodyHint(reply.body()));
        }
        // 1xx, 3xx (redirects are not followed) and anything outside the HTTP range.
        return unavailable(Reason.CARRIER_ERROR, "unexpected HTTP " + status + " for " + operation);
    }

    /** A 2xx reply that is not JSON or not of the expected shape. */
    CarrierUnavailableException unreadable(String operation, String what) {
        return unavailable(Reason.UNREADABLE_REPLY, "unreadable reply to " + operation + ": " + clean(what));
    }

    /** A 2xx reply to a create without {@code sawb}: a business failure ({@code status: Failed}) or nonsense. */
    CarrierException createFailure(JsonNode body, String operation) {
        JsonNode status = body.path("status");
        if (status.isTextual() && status.asText().strip().equalsIgnoreCase("failed")) {
            String message = text(body, "message").orElse("SMSA did not create the shipment (status Failed)");
            return new CarrierRejectedException(SMSA, List.of(new CarrierMessage("", clean(message))));
        }
        return unreadable(
                operation,
                "no sawb or waybills in a " + body.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " reply");
    }

    /** The failure for an exception from the HTTP client; nothing or only part of an answer came back. */
    CarrierUnavailableException forIo(IOException failure, String operation, Duration connectTimeout) {
        if (failure instanceof HttpConnectTimeoutException) {
            return unavailable(
                    Reason.CONNECTION_REFUSED,
                    "no connection within " + seconds(connectTimeout) + " for " + operation,
                    failure);
        }
        if (failure instanceof HttpTimeoutException) {
            return unavailable(Reason.TIMEOUT, "no answer in time to " + operation, failure);
        }
        if (refusedConnection(failure)) {
            return unavailable(Reason.CONNECTION_REFUSED, "connection refused for " + operation, failure);
        }
        if (failure instanceof SSLHandshakeException) {
            return unavailable(Reason.CONNECTION_REFUSED, "TLS handshake failed for " + operation, failure);
        }
        return unavailable(
                Reason.CONNECTION_LOST,
                "connection lost during " + operation + " ("
                        + failure.getClass().getSimpleName() + ")",
                failure);
    }

    CarrierUnavailableException timeout(String operation, Duration timeout) {
        return unavailable(Reason.TIMEOUT, "no complete answer within " + seconds(timeout) + " to " + operation);
    }

    /** Text a caller may see: control characters removed, at most {@value #EXCERPT} characters, key masked. */
    String clean(String text) {
        String cleaned = text == null ? "" : text.replaceAll("\\p{Cntrl}+", " ").strip();
        if (!apiKey.isEmpty()) {
            cleaned = cleaned.replace(apiKey, "***");
        }
        return cleaned.length() <= EXCERPT ? cleaned : cleaned.substring(0, EXCERPT) + "…";
    }

    private List<CarrierMessage> fieldErrors(String body) {
        JsonNode root;
        try {
            root = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            return List.of();
        }
        if (root == null) {
            return List.of();
        }
        JsonNode errors = caseInsensitive(root, "errors");
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
            JsonNode root = json.readTree(body);
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
        JsonNode value = caseInsensitive(node, field);
        return value.isValueNode() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** The field of an object whatever its case; a missing node when absent or when {@code node} is no object. */
    static JsonNode caseInsensitive(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return MissingNode.getInstance();
        }
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            if (property.getKey().equalsIgnoreCase(field)) {
                return property.getValue();
            }
        }
        return MissingNode.getInstance();
    }

    private static boolean refusedConnection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException
                    || t instanceof UnresolvedAddressException
                    || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static Optional<Duration> retryAfter(Reply reply) {
        return reply.retryAfter().flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.strip());
                return seconds >= 0 && seconds <= 86_400 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty(); // an HTTP date; not worth parsing for a hint
            }
        });
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
