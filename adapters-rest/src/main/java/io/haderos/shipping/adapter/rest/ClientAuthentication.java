package io.haderos.shipping.adapter.rest;

import io.haderos.shipping.domain.model.ClientId;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Identifies the client of every request to the shipping API (docs/architecture.md#security): rate quotes, shipping,
 * everything under {@code /orders/{order_id}/} (the shipment, labels, whatever is added there) and tracking. Operator
 * actions ({@link AdminOnly}) are left to {@link AdminAuthentication}; monitoring, metrics, health and the dashboard
 * to nobody.
 *
 * <table>
 *   <caption>answer by request, when clients are configured</caption>
 *   <tr><td>no {@code Authorization} header, or not one {@code Bearer <token>}</td><td>401</td></tr>
 *   <tr><td>a token that is no configured client's (wrong, or revoked by removing the client)</td><td>401</td></tr>
 *   <tr><td>a client's token, over the client's rate limit</td><td>429 with {@code Retry-After}</td></tr>
 *   <tr><td>a client's token</td><td>the request goes on, made by that client ({@link #clientOf})</td></tr>
 * </table>
 *
 * Every 401 carries {@code WWW-Authenticate: Bearer} and the same body, whatever was wrong. Without configured clients
 * every request is {@link ClientId#ANONYMOUS}'s.
 */
@Priority(Priorities.AUTHENTICATION)
final class ClientAuthentication implements ContainerRequestFilter {

    /** The request property holding the {@link ClientId} of an authenticated request. */
    static final String CLIENT = ClientAuthentication.class.getName() + ".client";

    /** Where the shipping API lives, as paths relative to the root (no leading slash). */
    static final List<String> CLIENT_AREAS = List.of("api/v1/integrations/shipping/", "api/v1/shipments/", "orders/");

    private final ClientTokens clients;
    private final ClientRateLimits rateLimits;
    private final Doorkeeper doorkeeper;

    @Context
    private ResourceInfo resource;

    ClientAuthentication(ClientTokens clients, ClientRateLimits rateLimits, Doorkeeper doorkeeper) {
        this.clients = clients;
        this.rateLimits = rateLimits;
        this.doorkeeper = doorkeeper;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!isClientRequest(request)) {
            return;
        }
        Optional<ClientId> client = identify(request);
        if (client.isEmpty()) {
            return;
        }
        Optional<Duration> wait = rateLimits.acquire(client.get());
        if (wait.isPresent()) {
            doorkeeper.observer().rateLimited(client.get());
            request.abortWith(tooManyRequests(wait.get()));
            return;
        }
        request.setProperty(CLIENT, client.get());
    }

    /** The client a request to the shipping API was made by. */
    static ClientId clientOf(ContainerRequestContext request) {
        Object client = request.getProperty(CLIENT);
        if (!(client instanceof ClientId id)) {
            throw new IllegalStateException(
                    "no client was identified for " + request.getUriInfo().getPath());
        }
        return id;
    }

    /** By path, failing closed: only a method known to be an operator action escapes the client check. */
    private boolean isClientRequest(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(false);
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (CLIENT_AREAS.stream().noneMatch(relative::startsWith)) {
            return false;
        }
        Method method = resourceMethod(request);
        return method == null
                || !(method.isAnnotationPresent(AdminOnly.class)
                        || method.getDeclaringClass().isAnnotationPresent(AdminOnly.class));
    }

    /**
     * The matched resource method. Jersey's {@code UriInfo} is also the request's {@link ResourceInfo}: asking it
     * directly spares the injected proxy's lookup, which costs more than the rest of this filter.
     */
    private Method resourceMethod(ContainerRequestContext request) {
        if (request.getUriInfo() instanceof ResourceInfo matched) {
            return matched.getResourceMethod();
        }
        return resource == null ? null : resource.getResourceMethod();
    }

    /** The client, or empty after aborting the request with a 401. */
    private Optional<ClientId> identify(ContainerRequestContext request) {
        if (!clients.required()) {
            return Optional.of(ClientId.ANONYMOUS);
        }
        Doorkeeper.Presented presented = doorkeeper.presented(request, AccessObserver.Kind.CLIENT, "client token");
        if (presented.refusal() != null) {
            request.abortWith(presented.refusal());
            return Optional.empty();
        }
        Optional<ClientId> client = clients.identify(presented.token());
        if (client.isEmpty()) {
            request.abortWith(doorkeeper.refuse(
                    request, AccessObserver.Kind.CLIENT, AccessObserver.Reason.UNKNOWN_TOKEN, "client token"));
        }
        return client;
    }

    private static Response tooManyRequests(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return Problem.of(
                        429,
                        "too-many-requests",
                        "Too many requests",
                        "this client has sent more requests than its rate limit allows; retry in " + seconds + " s")
                .with("retry_after_seconds", seconds)
                .toResponseBuilder()
                .header(HttpHeaders.RETRY_AFTER, seconds)
                .build();
    }
}
