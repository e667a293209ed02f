package io.haderos.shipping.adapter.rest;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The REST API's contract, {@value #FILE} beside this class: an OpenAPI 3.1 document kept by hand in the repository
 * and served as it is (YAML) or converted once to JSON. Tests hold it to what the resources serve.
 */
final class OpenApiDocument {

    /** The document's classpath resource, relative to this package. */
    static final String FILE = "openapi.yaml";

    private static final OpenApiDocument INSTANCE = load();

    private final byte[] yaml;
    private final byte[] json;

    private OpenApiDocument(byte[] yaml, byte[] json) {
        this.yaml = yaml;
        this.json = json;
    }

    /** The document, read from the classpath once. */
    static OpenApiDocument instance() {
        return INSTANCE;
    }

    /** The file's bytes, unchanged. */
    byte[] yaml() {
        return yaml.clone();
    }

    /** The same document as JSON. */
    byte[] json() {
        return json.clone();
    }

    private static OpenApiDocument load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the adapters-rest jar");
            }
            byte[] yaml = in.readAllBytes();
            // A key written twice would silently lose one of its values: refused.
            JsonNode tree = YAMLMapper.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build()
                    .readTree(yaml);
            if (tree == null || !tree.path("openapi").asText().startsWith("3.1.")) {
                throw new IllegalStateException(FILE + " is not an OpenAPI 3.1 document");
            }
            ObjectMapper writer = JsonMapper.builder()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .build();
            return new OpenApiDocument(yaml, writer.writeValueAsBytes(tree));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
    }
}
