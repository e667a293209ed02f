package io.haderos.shipping.adapter.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Checks every path parameter ({@code order_id}, {@code provider}, {@code tracking}, {@code name}) as the client
 * wrote it, before any decoding (docs/architecture.md#rest-contract): it may hold only letters, digits, {@code .},
 * {@code _}, {@code -} and {@code ~}. Anything else — a percent-escape, a {@code ;} starting matrix parameters, which
 * JAX-RS would silently drop from the parameter's value — is refused with 400 naming the parameter, so two different
 * ids in a client's books can never reach one order. Each value then meets its own rules in the resource.
 *
 * <p>Runs after authentication: a caller without a token learns nothing, not even that its path was malformed.
 */
@Priority(Priorities.AUTHENTICATION + 100)
final class PathParameters implements ContainerRequestFilter {

    /** RFC 3986's unreserved characters: never percent-encoded by a conforming client. */
    private static final Pattern RAW_VALUE = Pattern.compile("[A-Za-z0-9._~-]+");

    /**
     * Each route's template, parsed once: parsing compiles a regular expression, which per request cost more than the
     * check itself. The routes are the API's own, so this holds a handful of entries.
     */
    private final Map<String, UriTemplate> routes = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request) {
        ExtendedUriInfo uri = (ExtendedUriInfo) request.getUriInfo();
        List<UriTemplate> templates = uri.getMatchedTemplates();
        if (templates.isEmpty()) {
            return;
        }
        UriTemplate route = routes.computeIfAbsent(route(templates), UriTemplate::new);
        if (route.getTemplateVariables().isEmpty()) {
            return;
        }
        Map<String, String> raw = new HashMap<>();
        String rawPath = request.getUriInfo().getRequestUri().getRawPath();
        String basePath = request.getUriInfo().getBaseUri().getRawPath();
        String relative = rawPath.startsWith(basePath) ? rawPath.substring(basePath.length() - 1) : rawPath;
        if (!route.match(relative, raw)) {
            return; // cannot happen for a matched request; the resource's own checks still apply
        }
        for (String name : route.getTemplateVariables()) {
            String value = raw.get(name);
            if (value != null && !RAW_VALUE.matcher(value).matches()) {
                throw new InvalidRequestException(
                        name,
                        "must be written with letters, digits, '.', '_', '-' or '~' only (no ';', '%' or other "
                                + "characters)");
            }
        }
    }

    /** The matched templates, innermost first as Jersey gives them, joined into one route from the root. */
    private static String route(List<UriTemplate> innermostFirst) {
        StringBuilder path = new StringBuilder();
        for (int i = innermostFirst.size() - 1; i >= 0; i--) {
            String template = innermostFirst.get(i).getTemplate();
            if (path.length() == 0 || path.charAt(path.length() - 1) != '/') {
                path.append('/');
            }
            path.append(template.startsWith("/") ? template.substring(1) : template);
        }
        return path.toString();
    }
}
