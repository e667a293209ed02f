package io.haderos.shipping.sandbox;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** JSON mappers: a plain one, and one that writes like WCF. */
final class Json {

    /** Plain mapper (control API, SMSA, parsing). */
    static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Writes like .NET's DataContractJsonSerializer: every {@code /} escaped as {@code \/}, so dates
     * read {@code "\/Date(...)\/"} and URLs {@code "http:\/\/..."} on the wire, as Aramex sends them.
     */
    static final ObjectMapper WCF = new ObjectMapper(
            new JsonFactoryBuilder().characterEscapes(new WcfEscapes()).build());

    private Json() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses a body; throws on malformed JSON or trailing content. */
    static JsonNode parse(byte[] body) throws IOException {
        return MAPPER.readerFor(JsonNode.class)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .readValue(body);
    }

    static byte[] write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a response", e);
        }
    }

    /** Field lookup ignoring the case of the name, as ASP.NET Core's System.Text.Json does. */
    static JsonNode fieldIgnoreCase(JsonNode parent, String name) {
        if (parent == null || !parent.isObject()) {
            return null;
        }
        JsonNode exact = parent.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, JsonNode> entry : parent.properties()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /**
     * What {@code read} makes of {@code node}; empty where it makes nothing of it (it answers null, or meets text that
     * is no number).
     */
    static <T> Optional<T> readable(JsonNode node, Function<JsonNode, T> read) {
        try {
            return Optional.ofNullable(read.apply(node));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static final class WcfEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private static final SerializedString SLASH = new SerializedString("\\/");
        private final int[] escapes;

        WcfEscapes() {
            escapes = standardAsciiEscapesForJSON();
            escapes['/'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == '/' ? SLASH : null;
        }
    }
}
