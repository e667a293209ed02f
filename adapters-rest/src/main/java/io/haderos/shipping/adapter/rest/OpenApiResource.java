package io.haderos.shipping.adapter.rest;

import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /openapi}: the API's OpenAPI 3.1 document ({@link OpenApiDocument}), YAML unless the client prefers
 * JSON ({@code Accept: application/json}); {@code GET /openapi.yaml} and {@code GET /openapi.json} name one form.
 */
@Singleton
@Path("/openapi")
public final class OpenApiResource {

    static final String YAML = "application/yaml";

    private final OpenApiDocument document = OpenApiDocument.instance();

    /** The file itself; preferred (quality of source 1) when the client accepts both forms or anything. */
    @GET
    @Produces(YAML + ";qs=1")
    public Response yaml() {
        return Response.ok(document.yaml(), YAML).build();
    }

    /** The same document as JSON, for clients that ask for JSON. */
    @GET
    @Produces(MediaType.APPLICATION_JSON + ";qs=0.5")
    public Response json() {
        return Response.ok(document.json(), MediaType.APPLICATION_JSON).build();
    }

    /** {@code GET /openapi.yaml}. */
    @Singleton
    @Path("/openapi.yaml")
    public static final class YamlFile {

        private final OpenApiDocument document = OpenApiDocument.instance();

        @GET
        @Produces(YAML)
        public Response yaml() {
            return Response.ok(document.yaml(), YAML).build();
        }
    }

    /** {@code GET /openapi.json}. */
    @Singleton
    @Path("/openapi.json")
    public static final class JsonFile {

        private final OpenApiDocument document = OpenApiDocument.instance();

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public Response json() {
            return Response.ok(document.json(), MediaType.APPLICATION_JSON).build();
        }
    }
}
