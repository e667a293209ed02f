package io.haderos.shipping.adapter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Variations of a valid JSON document for bad-input tests: set or remove the value at a dotted path such as
 * {@code parcels[0].weight_kg}. Values are JSON text; {@link #raw} inserts text that is not JSON at all.
 */
final class JsonEdit {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");
    private static final String RAW_MARK = "@@raw@@";

    private JsonEdit() {}

    /** {@code document} with the value at {@code path} replaced by (or set to) the JSON text {@code value}. */
    static String set(String document, String path, String value) {
        return edit(document, path, tree(value));
    }

    /** {@code document} without the value at {@code path}. */
    static String remove(String document, String path) {
        return edit(document, path, null);
    }

    /** {@code document} with the value at {@code path} replaced by {@code text} verbatim (NaN, Infinity …). */
    static String raw(String document, String path, String text) {
        return edit(document, path, MAPPER.getNodeFactory().textNode(RAW_MARK)).replace('"' + RAW_MARK + '"', text);
    }

    private static String edit(String document, String path, JsonNode value) {
        JsonNode root = tree(document);
        Matcher matcher = SEGMENT.matcher(path);
        JsonNode parent = null;
        Object key = null;
        JsonNode current = root;
        while (matcher.find()) {
            parent = current;
            key = matcher.group(1) != null ? matcher.group(1) : Integer.valueOf(matcher.group(2));
            current = key instanceof Integer index ? parent.path(index) : parent.path((String) key);
        }
        if (parent instanceof ObjectNode object) {
            if (value == null) {
                object.remove((String) key);
            } else {
                object.set((String) key, value);
            }
        } else if (parent instanceof ArrayNode array) {
            if (value == null) {
                array.remove((Integer) key);
            } else {
                array.set((Integer) key, value);
            }
        } else {
            throw new IllegalArgumentException("no container at " + path);
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }
}
