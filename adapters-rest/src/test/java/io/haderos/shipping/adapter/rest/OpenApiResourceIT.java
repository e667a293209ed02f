package io.haderos.shipping.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.haderos.shipping.adapter.rest.RestApiExtension.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /openapi}: the document in the repository, YAML by default and JSON for clients that ask for it. */
class OpenApiResourceIT {

    @RegisterExtension
    static final RestApiExtension api = new RestApiExtension();

    private static String file;
    private static JsonNode fileTree;

    @BeforeAll
    static void readTheFile() throws IOException {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(OpenApiDocument.FILE)) {
            file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        fileTree = new YAMLMapper().readTree(file);
    }

    @Test
    void givenNoAccept_thenTheFileItselfAsYaml() throws IOException {
        Reply reply = api.get("/openapi");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.mediaType()).isEqualTo("application/yaml");
        assertThat(reply.body()).isEqualTo(file);
        assertThat(new YAMLMapper().readTree(reply.body())).isEqualTo(fileTree);
        assertThat(fileTree.path("openapi").asText()).isEqualTo("3.1.0");
    }

    @Test
    void givenABrowsersAccept_thenYaml() {
        Reply reply = api.sendWithAccept("GET", "/openapi", "text/html,application/xhtml+xml,*/*;q=0.8");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.mediaType()).isEqualTo("application/yaml");
    }

    @Test
    void givenAcceptJson_thenTheSameDocumentAsJson() throws IOException {
        Reply reply = api.sendWithAccept("GET", "/openapi", "application/json");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.mediaType()).isEqualTo("application/json");
        assertThat(new JsonMapper().readTree(reply.body())).isEqualTo(fileTree);
    }

    @Test
    void givenTheNamedForms_thenEachIsTheSameDocument() throws IOException {
        Reply yaml = api.get("/openapi.yaml");
        Reply json = api.get("/openapi.json");

        assertThat(yaml.mediaType()).isEqualTo("application/yaml");
        assertThat(yaml.body()).isEqualTo(file);
        assertThat(json.mediaType()).isEqualTo("application/json");
        assertThat(new JsonMapper().readTree(json.body())).isEqualTo(fileTree);
    }

    @Test
    void givenAnAcceptOfNeitherForm_then406Problem() {
        Reply reply = api.sendWithAccept("GET", "/openapi", "text/html");

        assertThat(reply.status()).isEqualTo(406);
        assertThat(reply.mediaType()).isEqualTo(RestApiExtension.PROBLEM_JSON);
    }
}
