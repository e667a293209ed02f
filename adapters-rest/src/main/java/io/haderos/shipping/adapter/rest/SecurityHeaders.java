package io.haderos.shipping.adapter.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Headers on every response (docs/architecture.md#security): {@code X-Content-Type-Options: nosniff}, so no browser
 * reads a JSON answer as something else, and {@code Cache-Control: no-store} unless the resource chose its own caching
 * (the dashboard does, and so may a cacheable resource such as a label): shipments and quotes are a client's business,
 * not a shared cache's.
 */
final class SecurityHeaders implements ContainerResponseFilter {

    static final String NOSNIFF = "nosniff";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("X-Content-Type-Options", NOSNIFF);
        if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
