package io.haderos.shipping.adapter.smsa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The SMSA eCom REST API, asynchronously over {@link SmsaHttp}: {@code apikey} header, JSON both ways. Every failure leaves as a {@link io.haderos.shipping.domain.port.out.CarrierException}
 * chosen by {@link SmsaReplyClassifier}. Thread-safe.
 */
final class SmsaEcomClient {

    static final String CREATE_PATH = "/api/shipment/b2c/new";
    static final String TRACK_SINGLE_PATH = "/api/track/single/";
    static final String TRACK_BULK_PATH = "/api/track/bulk/";
    static final String API_KEY_HEADER = "apikey";

    private static final String JSON = "application/json";

    private final SmsaHttp http;
    private final String baseUrl;
    private final String apiKey;
    private final ObjectMapper json;
    private final SmsaReplyClassifier classifier;

    SmsaEcomClient(SmsaConfig config, Executor executor, ScheduledExecutorService timer) {
        this.baseUrl = config.baseUrl().toString();
        this.apiKey = config.apiKey();
        this.json = jsonMapper();
        this.classifier = new SmsaReplyClassifier(json, apiKey);
        this.http = new SmsaHttp(config, classifier, executor, timer);
    }

    /** Lenient on input (unknown fields, any case, single values as lists), exact on output (plain decimals). */
    static ObjectMapper jsonMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
    }

    SmsaReplyClassifier classifier() {
        return classifier;
    }

    /** {@code POST /api/shipment/b2c/new}: the created shipment, or a classified failure. */
    CompletableFuture<SmsaWire.B2cCreated> createShipment(SmsaWire.B2cShipment shipment) {
        String operation = "POST " + CREATE_PATH;
        return http.exchange(post(CREATE_PATH, write(shipment)), operation).thenApply(reply -> {
            if (!reply.isSuccess()) {
                throw classifier.forStatus(reply, operation);
            }
            JsonNode body = read(reply, operation);
            if (!hasWaybill(body)) {
                throw classifier.createFailure(body, operation);
            }
            return convert(body, SmsaWire.B2cCreated.class, operation);
        });
    }

    /**
     * {@code GET /api/track/single/{awb}}; empty when SMSA does not know the AWB (a 404, an empty reply, or one
     * without {@code AWB}, as SMSA's own plugin reads it).
     *
     * @param awb letters, digits, {@code -} and {@code _} only: it becomes a path segment as is
     */
    CompletableFuture<Optional<SmsaWire.Tracking>> track(String awb) {
        String operation = "GET " + TRACK_SINGLE_PATH + awb;
        return http.exchange(get(TRACK_SINGLE_PATH + awb), operation)
                .thenApply(reply -> tracking(reply, awb, operation));
    }

    private Optional<SmsaWire.Tracking> tracking(SmsaReplyClassifier.Reply reply, String awb, String operation) {
        if (reply.status() == 404) {
            return Optional.empty();
        }
        if (!reply.isSuccess()) {
            throw classifier.forStatus(reply, operation);
        }
        if (reply.body().isBlank()) {
            return Optional.empty();
        }
        JsonNode body = read(reply, operation);
        if (body.isNull()) {
            return Optional.empty();
        }
        if (body.isArray()) {
            // Not documented for the single endpoint, but harmless to accept: pick the requested AWB.
            return trackings(body, operation).stream()
                    .filter(t -> t.awb().strip().equalsIgnoreCase(awb))
                    .findFirst();
        }
        if (!body.isObject()) {
            throw classifier.unreadable(operation, "expected a JSON object, got " + body.getNodeType());
        }
        SmsaWire.Tracking tracking = convert(body, SmsaWire.Tracking.class, operation);
        return isBlank(tracking.awb()) ? Optional.empty() : Optional.of(tracking);
    }

    /**
     * {@code POST /api/track/bulk/} with a JSON array of AWBs: one entry per AWB that SMSA knows (entries
     * without {@code AWB} are dropped), in SMSA's order. A 404 or an empty reply means none is known.
     */
    CompletableFuture<List<SmsaWire.Tracking>> trackBulk(List<String> awbs) {
        String operation = "POST " + TRACK_BULK_PATH;
        return http.exchange(post(TRACK_BULK_PATH, write(awbs)), operation)
                .thenApply(reply -> bulkTrackings(reply, operation));
    }

    private List<SmsaWire.Tracking> bulkTrackings(SmsaReplyClassifier.Reply reply, String operation) {
        if (reply.status() == 404) {
            return List.of();
        }
        if (!reply.isSuccess()) {
            throw classifier.forStatus(reply, operation);
        }
        if (reply.body().isBlank()) {
            return List.of();
        }
        JsonNode body = read(reply, operation);
        if (body.isNull()) {
            return List.of();
        }
        if (!body.isArray()) {
            throw classifier.unreadable(operation, "expected a JSON array, got " + body.getNodeType());
        }
        return trackings(body, operation);
    }

    private List<SmsaWire.Tracking> trackings(JsonNode array, String operation) {
        List<SmsaWire.Tracking> result = new ArrayList<>();
        for (JsonNode element : array) {
            if (!element.isObject()) {
                throw classifier.unreadable(
                        operation, "expected JSON objects in the array, got " + element.getNodeType());
            }
            SmsaWire.Tracking tracking = convert(element, SmsaWire.Tracking.class, operation);
            if (!isBlank(tracking.awb())) {
                result.add(tracking);
            }
        }
        return result;
    }

    private HttpRequest post(String path, String body) {
        return request(path)
                .header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private HttpRequest get(String path) {
        return request(path).GET().build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", JSON)
                .header(API_KEY_HEADER, apiKey);
    }

    private JsonNode read(SmsaReplyClassifier.Reply reply, String operation) {
        try {
            JsonNode body = json.readTree(reply.body());
            if (body == null || body.isMissingNode()) {
                throw classifier.unreadable(operation, "empty body with HTTP " + reply.status());
            }
            return body;
        } catch (JsonProcessingException e) {
            throw classifier.unreadable(
                    operation,
                    "not JSON (HTTP " + reply.status() + ", starts with '"
                            + classifier.clean(
                                    reply.body().length() > 40 ? reply.body().substring(0, 40) : reply.body())
                            + "')");
        }
    }

    private <T> T convert(JsonNode body, Class<T> type, String operation) {
        try {
            return json.treeToValue(body, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw classifier.unreadable(operation, "unexpected JSON shape for " + type.getSimpleName());
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialize " + body.getClass().getSimpleName(), e);
        }
    }

    private static boolean hasWaybill(JsonNode body) {
        if (!body.isObject()) {
            return false;
        }
        if (hasText(SmsaReplyClassifier.caseInsensitive(body, "sawb"))) {
            return true;
        }
        JsonNode waybills = SmsaReplyClassifier.caseInsensitive(body, "waybills");
        return waybills.isArray()
                && !waybills.isEmpty()
                && hasText(SmsaReplyClassifier.caseInsensitive(waybills.get(0), "awb"));
    }

    private static boolean hasText(JsonNode node) {
        return node.isValueNode() && !node.isNull() && !node.asText().isBlank();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
