package io.haderos.shipping.adapter.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.ext.ContextResolver;

/**
 * The one {@link ObjectMapper} of the REST API: snake_case names, ISO-8601 times, and strict reading.
 *
 * <p>Strict means that a request is read exactly as written or refused: no unknown fields, no duplicate
 * keys, nothing after the document, no NaN or Infinity, and no coercion between JSON types (a string
 * {@code "1.5"} is not a number, a number is not a string, a fraction is not a whole number). Refusals
 * surface as Jackson exceptions that {@link ProblemMappers} turns into 400 problems naming the field.
 */
final class ObjectMapperResolver implements ContextResolver<ObjectMapper> {

    /**
     * The default request body limit, in bytes: far above any real request (99 parcels with full addresses take a few
     * kilobytes).
     */
    static final long DEFAULT_MAX_BODY_BYTES = 256 * 1024;

    static final int MAX_NESTING_DEPTH = 16;

    private final ObjectMapper mapper;

    ObjectMapperResolver() {
        this(DEFAULT_MAX_BODY_BYTES);
    }

    /**
     * @param maxBodyBytes the request body limit; a document can have no more characters than its UTF-8 bytes, so
     *     {@link RequestBodyLimits} refuses a longer body before the parser's own cap is reached
     */
    ObjectMapperResolver(long maxBodyBytes) {
        this.mapper = create(maxBodyBytes);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }

    /** The mapper with the default body limit. */
    static ObjectMapper create() {
        return create(DEFAULT_MAX_BODY_BYTES);
    }

    static ObjectMapper create(long maxDocumentChars) {
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(maxDocumentChars)
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .build())
                .build();
        JsonMapper mapper = JsonMapper.builder(factory)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        refuseCoercions(mapper);
        return mapper;
    }

    private static void refuseCoercions(JsonMapper mapper) {
        for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
            mapper.coercionConfigFor(number)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType structured : new LogicalType[] {LogicalType.POJO, LogicalType.Collection, LogicalType.Map}) {
            mapper.coercionConfigFor(structured)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
    }
}
