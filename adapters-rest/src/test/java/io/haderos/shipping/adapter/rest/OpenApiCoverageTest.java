package io.haderos.shipping.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint the API serves is in the OpenAPI document, and the document lists nothing it does not serve. The
 * endpoints are read the way Jersey reads them: from the resource classes {@link ShippingRestApi} registers, each
 * modelled by {@link Resource#from(Class)} with its child resources.
 */
class OpenApiCoverageTest {

    /**
     * Endpoints the document lists that the composition root serves, not this feature: the Prometheus scrape. The
     * bootstrap's contract test sends it to the running jar.
     */
    static final Set<String> SERVED_BY_THE_HOST = Set.of("GET /metrics");

    private static final Set<String> HTTP_METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*([^}:\\s]+)\\s*(:[^}]*)?}");

    @Test
    void givenTheApiFeature_thenEveryEndpointItServesIsDocumented_andEveryDocumentedOneIsServed() throws IOException {
        Set<String> served = endpoints(new ShippingRestApi(Optional.of("a-long-enough-admin-token")));
        Set<String> documented = documented();

        assertThat(served)
                .as("endpoints served but not in %s", OpenApiDocument.FILE)
                .isSubsetOf(documented);
        Set<String> notServed = new TreeSet<>(documented);
        notServed.removeAll(served);
        assertThat(notServed)
                .as("endpoints in %s that no registered resource serves", OpenApiDocument.FILE)
                .isEqualTo(new TreeSet<>(SERVED_BY_THE_HOST));
    }

    @Test
    void givenAResourceOutsideTheDocument_thenItIsFound() {
        assertThat(endpoints(context -> {
                    context.register(Undocumented.class);
                    return true;
                }))
                .containsExactly("DELETE /orders/{order_id}/shipment");
    }

    @Test
    void givenTemplatesSpelledDifferently_thenTheyCompareEqual() {
        assertThat(normalised("orders/{ order_id : [A-Z]+ }/", "/ship")).isEqualTo("/orders/{order_id}/ship");
        assertThat(normalised("/", "health")).isEqualTo("/health");
    }

    /** {@code METHOD /path} for every resource method of every resource class {@code feature} registers. */
    static Set<String> endpoints(Feature feature) {
        Set<String> endpoints = new TreeSet<>();
        for (Class<?> registered : registeredClasses(feature)) {
            if (registered.isAnnotationPresent(Path.class)) {
                collect(Resource.from(registered), "", endpoints);
            }
        }
        return endpoints;
    }

    private static void collect(Resource resource, String parent, Set<String> endpoints) {
        String path = normalised(parent, resource.getPath());
        assertThat(resource.getResourceLocator())
                .as("a sub-resource locator at %s cannot be enumerated statically", path)
                .isNull();
        for (ResourceMethod method : resource.getResourceMethods()) {
            endpoints.add(method.getHttpMethod() + " " + path);
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, endpoints);
        }
    }

    /** The classes (or classes of instances) the feature registers, recorded from its {@code configure} call. */
    private static List<Class<?>> registeredClasses(Feature feature) {
        List<Class<?>> registered = new ArrayList<>();
        FeatureContext recorder = (FeatureContext) Proxy.newProxyInstance(
                FeatureContext.class.getClassLoader(), new Class<?>[] {FeatureContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("register")) {
                        registered.add(args[0] instanceof Class<?> type ? type : args[0].getClass());
                        return proxy;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        feature.configure(recorder);
        return registered;
    }

    /** {@code METHOD /path} for every operation of the document. */
    static Set<String> documented() throws IOException {
        JsonNode document;
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(OpenApiDocument.FILE)) {
            assertThat(in).as(OpenApiDocument.FILE).isNotNull();
            document = new YAMLMapper().readTree(in);
        }
        Set<String> endpoints = new TreeSet<>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    if (HTTP_METHODS.contains(operation.getKey())) {
                        endpoints.add(
                                operation.getKey().toUpperCase(Locale.ROOT) + " " + normalised("", path.getKey()));
                    }
                }));
        return endpoints;
    }

    /** {@code parent/path} with single slashes, no trailing slash, and each template as its bare name. */
    static String normalised(String parent, String path) {
        String joined = ("/" + parent + "/" + path).replaceAll("/+", "/");
        if (joined.length() > 1 && joined.endsWith("/")) {
            joined = joined.substring(0, joined.length() - 1);
        }
        Matcher template = TEMPLATE.matcher(joined);
        return template.replaceAll(match -> Matcher.quoteReplacement("{" + match.group(1) + "}"));
    }

    /** A resource no document describes. */
    @Path("/orders/{order_id}")
    public static final class Undocumented {

        @jakarta.ws.rs.DELETE
        @Path("shipment")
        public void cancel() {}
    }
}
