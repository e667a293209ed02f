package io.haderos.shipping.adapter.aramex;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.type.CollectionType;
import java.io.IOException;

/** The one Jackson mapper for the Aramex wire format. */
final class AramexJson {

    private AramexJson() {}

    /**
     * PascalCase names, nulls left out of requests, unknown reply fields ignored (Aramex adds fields),
     * decimals as {@code BigDecimal} (money is never a double here), and lists that also accept the
     * wrapper objects that SOAP-derived integrations show (see {@code WcfCollections}).
     */
    static ObjectMapper mapper() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
                .defaultPropertyInclusion(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                // Parser errors must not quote the reply into exception messages.
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .addModule(new SimpleModule("wcf-collections").setDeserializerModifier(new WcfCollections()))
                .build();
    }

    /**
     * Lets every list read three shapes: the plain array Aramex's JSON endpoints send
     * ({@code "Notifications": [...]}), a single-member wrapper object as in SOAP-derived samples
     * ({@code {"Notification": [...]}}, {@code {"ProcessedShipment": {...}}}, {@code {"string": "..."}}), and a
     * lone element where a list was expected.
     */
    private static final class WcfCollections extends BeanDeserializerModifier {

        private static final long serialVersionUID = 1L;

        @Override
        public JsonDeserializer<?> modifyCollectionDeserializer(
                DeserializationConfig config,
                CollectionType type,
                BeanDescription beanDesc,
                JsonDeserializer<?> deserializer) {
            return new Unwrapping(deserializer);
        }
    }

    private static final class Unwrapping extends DelegatingDeserializer {

        private static final long serialVersionUID = 1L;

        Unwrapping(JsonDeserializer<?> delegatee) {
            super(delegatee);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Unwrapping(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.START_OBJECT)) {
                return _delegatee.deserialize(parser, context);
            }
            ArrayNode elements = context.getNodeFactory().arrayNode();
            collect(context.readTree(parser), elements);
            try (JsonParser array = elements.traverse(parser.getCodec())) {
                array.nextToken();
                return _delegatee.deserialize(array, context);
            }
        }

        private static void collect(JsonNode node, ArrayNode into) {
            if (node.isArray()) {
                node.forEach(into::add);
            } else if (node.isObject() && node.size() == 1) {
                collect(node.elements().next(), into);
            } else if (!node.isNull() && !(node.isObject() && node.isEmpty())) {
                into.add(node);
            }
        }
    }
}
