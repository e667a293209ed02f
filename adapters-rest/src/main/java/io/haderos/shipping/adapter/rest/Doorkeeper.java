package io.haderos.shipping.adapter.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the client and the operator authentication share: reading {@code Authorization: Bearer <token>}, answering
 * 401 with the challenge, and reporting each refusal to the metrics and the quiet log. Tokens are never kept, logged
 * or echoed.
 */
final class Doorkeeper {

    static final String CHALLENGE = "Bearer realm=\"haderos-shipping-gateway\"";

    /** RFC 7235: the scheme is case-insensitive; one token after it, without spaces. */
    private static final Pattern BEARER = Pattern.compile("(?i:Bearer) +(\\S+) *");

    private static final int MAX_LOGGED_PATH = 200;

    private final AccessObserver observer;
    private final RefusalLog log;

    Doorkeeper(AccessObserver observer, RefusalLog log) {
        this.observer = observer;
        this.log = log;
    }

    /** The presented bearer token; or a refusal, already reported, when there is no single well-formed one. */
    Presented presented(ContainerRequestContext request, AccessObserver.Kind kind, String expected) {
        List<String> headers = request.getHeaders().getOrDefault(HttpHeaders.AUTHORIZATION, List.of());
        if (headers.isEmpty()) {
            return new Presented(null, refuse(request, kind, AccessObserver.Reason.MISSING, expected));
        }
        Matcher bearer = headers.size() == 1 ? BEARER.matcher(headers.get(0)) : null;
        if (bearer == null || !bearer.matches()) {
            return new Presented(null, refuse(request, kind, AccessObserver.Reason.MALFORMED, expected));
        }
        return new Presented(bearer.group(1), null);
    }

    /** Reports the refusal and returns the 401 answer: {@code WWW-Authenticate: Bearer}, the same body whatever failed. */
    Response refuse(
            ContainerRequestContext request, AccessObserver.Kind kind, AccessObserver.Reason reason, String expected) {
        report(request, kind, reason);
        return Problem.of(
                        401,
                        "unauthorized",
                        "Unauthorized",
                        "this request requires the header 'Authorization: Bearer <" + expected + ">'")
                .toResponseBuilder()
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                .build();
    }

    /** Counts the refusal and writes it to the quiet log. */
    void report(ContainerRequestContext request, AccessObserver.Kind kind, AccessObserver.Reason reason) {
        observer.refused(kind, reason);
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (path != null && path.length() > MAX_LOGGED_PATH) {
            path = path.substring(0, MAX_LOGGED_PATH) + "…";
        }
        log.refused(kind, source(request), reason, request.getMethod(), path);
    }

    AccessObserver observer() {
        return observer;
    }

    /** The address the request came from, as the server put it in {@link ShippingRestApi#REMOTE_ADDRESS}. */
    static String source(ContainerRequestContext request) {
        Object address = request.getProperty(ShippingRestApi.REMOTE_ADDRESS);
        return address == null ? "an unknown address" : address.toString();
    }

    /** A bearer token, or the response that refuses the request. */
    record Presented(String token, Response refusal) {}
}
