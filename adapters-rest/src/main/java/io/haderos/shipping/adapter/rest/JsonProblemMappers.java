package io.haderos.shipping.adapter.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.exc.StreamWriteException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Malformed or mistyped JSON becomes a 400 problem naming the field (by its JSON path) and what was expected, never
 * a 500 or a message that shows our classes. Registered with {@link ProblemMappers#all()}.
 */
final class JsonProblemMappers {

    private JsonProblemMappers() {}

    static List<Object> all() {
        return List.of(new JsonInput(), new JsonParse(), new JsonMapping());
    }

    /**
     * Jackson's own mappers for these two types answer in plain text with our class names; jersey-media-json-jackson
     * registers them by auto-discovery whatever {@link ShippingRestApi} asks, so ours take precedence by priority.
     */
    @Priority(ProblemMappers.PREFERRED)
    static final class JsonParse implements ExceptionMapper<JsonParseException> {

        @Override
        public Response toResponse(JsonParseException e) {
            return JsonInput.map(e);
        }
    }

    /** See {@link JsonParse}. */
    @Priority(ProblemMappers.PREFERRED)
    static final class JsonMapping implements ExceptionMapper<JsonMappingException> {

        @Override
        public Response toResponse(JsonMappingException e) {
            return JsonInput.map(e);
        }
    }

    /** Jackson could not read the body into the request type; a failure to write a response is our bug. */
    static final class JsonInput implements ExceptionMapper<JsonProcessingException> {

        /** Jackson's advice to its own users ("enable `JsonReadFeature…` to allow"), not to our clients. */
        private static final Pattern JACKSON_HINT = Pattern.compile(
                "\\s*[:;]\\s*(enable|use|set)\\b.*`.*$|\\s*\\([^()]*\\b(Feature|enabled?)\\b[^()]*\\)", Pattern.DOTALL);

        @Override
        public Response toResponse(JsonProcessingException e) {
            return map(e);
        }

        static Response map(JsonProcessingException e) {
            if (e instanceof StreamWriteException
                    || e instanceof InvalidDefinitionException
                    || (e instanceof JsonMappingException m && m.getProcessor() instanceof JsonGenerator)) {
                return ProblemMappers.Unexpected.problem(
                        e); // writing a response, or a request type Jackson cannot build: ours
            }
            if (e instanceof JsonMappingException && e.getCause() instanceof StreamReadException cause) {
                // A tokenizing error met while binding: the parser knows best where it is.
                return map(cause);
            }
            if (e instanceof StreamConstraintsException) {
                // The body's size is limited before parsing (413); what is left is its shape.
                return Problem.of(
                                400,
                                "request-too-complex",
                                "Request too complex",
                                "the request body is nested deeper than " + ObjectMapperResolver.MAX_NESTING_DEPTH
                                        + " levels or holds a value too long to read")
                        .toResponse();
            }
            if (e instanceof InputCoercionException coercion) {
                return ProblemMappers.invalid(parserPath(coercion), "must be a whole number in range");
            }
            if (e instanceof StreamReadException read) {
                return malformed(read);
            }
            if (e instanceof UnrecognizedPropertyException unknown) {
                return ProblemMappers.invalid(
                        path(unknown),
                        "is not a known field; known fields: " + knownFields(unknown.getKnownPropertyIds()));
            }
            if (e instanceof MismatchedInputException mismatch) {
                return mismatch(mismatch);
            }
            if (e instanceof JsonMappingException mapping) {
                return ProblemMappers.invalid(path(mapping), "has an invalid value");
            }
            return malformed("the request body is not valid JSON", Optional.empty(), "");
        }

        private static Response mismatch(MismatchedInputException e) {
            Optional<String> field = path(e);
            if (field.isEmpty()) {
                return String.valueOf(e.getOriginalMessage()).startsWith("No content to map")
                        ? bodyRequired()
                        : malformed("the request body must be exactly one JSON object", Optional.empty(), "");
            }
            return ProblemMappers.invalid(field, expectation(e.getTargetType()));
        }

        private static Response bodyRequired() {
            return ProblemMappers.invalid(Optional.empty(), "a JSON object is required as the request body");
        }

        private static Response malformed(StreamReadException e) {
            String reason = JACKSON_HINT
                    .matcher(Optional.ofNullable(e.getOriginalMessage()).orElse(""))
                    .replaceAll("");
            Optional<String> field = parserPath(e);
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            String detail = "the request body is not valid JSON" + where
                    + field.map(f -> " (" + f + ")").orElse("") + ": " + reason;
            return malformed(detail, field, reason);
        }

        /** A 400 for a body that is not one JSON document (or not an object); names the field where known. */
        private static Response malformed(String detail, Optional<String> field, String reason) {
            return ProblemMappers.badRequest("malformed-json", "Malformed JSON", detail, field, reason);
        }

        private static String expectation(Class<?> type) {
            if (type == null) {
                return "has the wrong JSON type";
            }
            if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
                return "must be a whole number";
            }
            if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
                return "must be a number";
            }
            if (type == String.class) {
                return "must be a string";
            }
            if (type == Boolean.class || type == boolean.class) {
                return "must be true or false";
            }
            if (Collection.class.isAssignableFrom(type) || type.isArray()) {
                return "must be an array";
            }
            return "must be an object";
        }

        private static String knownFields(Collection<Object> known) {
            return known == null
                    ? ""
                    : known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
        }

        /** {@code parcels[0].weight_kg} from Jackson's path of the value being read. */
        private static Optional<String> path(JsonMappingException e) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : e.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return path.length() == 0 ? Optional.empty() : Optional.of(path.toString());
        }

        /** The same path, from the parser's position, for errors found while tokenizing. */
        private static Optional<String> parserPath(JsonProcessingException e) {
            if (!(e.getProcessor() instanceof JsonParser parser)) {
                return Optional.empty();
            }
            List<String> segments = new ArrayList<>();
            for (JsonStreamContext context = parser.getParsingContext();
                    context != null && !context.inRoot();
                    context = context.getParent()) {
                if (context.inArray()) {
                    segments.add(0, "[" + Math.max(context.getCurrentIndex(), 0) + "]");
                } else if (context.getCurrentName() != null) {
                    segments.add(0, "." + context.getCurrentName());
                }
            }
            String path = String.join("", segments);
            return path.isEmpty() ? Optional.empty() : Optional.of(path.startsWith(".") ? path.substring(1) : path);
        }
    }

    /** A request value the domain refuses, or a required one that is missing. */
}
