package io.haderos.shipping.adapter.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards {@link AdminOnly} resources with the operators' bearer token (docs/architecture.md#operations):
 *
 * <table>
 *   <caption>answer by request</caption>
 *   <tr><td>no {@code admin.token} is configured</td><td>403: operator actions are disabled</td></tr>
 *   <tr><td>no {@code Authorization} header, or not {@code Bearer <token>}</td><td>401 with {@code WWW-Authenticate: Bearer}</td></tr>
 *   <tr><td>a bearer token other than the admin token</td><td>403</td></tr>
 *   <tr><td>the admin token</td><td>the request goes on to the resource</td></tr>
 * </table>
 *
 * <p>Only a SHA-256 digest of the token is kept, and tokens are compared digest to digest with
 * {@link MessageDigest#isEqual}, so the comparison takes the same time whatever the presented token's length or
 * content. No token, configured or presented, ever appears in a response or a log line.
 */
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
final class AdminAuthentication implements ContainerRequestFilter {

    static final String CHALLENGE = "Bearer realm=\"haderos-shipping-gateway\"";

    private static final Logger LOG = LoggerFactory.getLogger(AdminAuthentication.class);

    /** RFC 7235: the scheme is case-insensitive; one token after it, without spaces. */
    private static final Pattern BEARER = Pattern.compile("(?i:Bearer) +(\\S+) *");

    private final Optional<byte[]> tokenDigest;

    /** @param adminToken the operators' token; empty (or blank) disables every {@link AdminOnly} resource */
    AdminAuthentication(Optional<String> adminToken) {
        this.tokenDigest = adminToken.filter(token -> !token.isBlank()).map(AdminAuthentication::digest);
    }

    /** Whether operator actions are possible at all. */
    boolean enabled() {
        return tokenDigest.isPresent();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (tokenDigest.isEmpty()) {
            request.abortWith(Problem.of(
                            403,
                            "operator-actions-disabled",
                            "Forbidden",
                            "operator overrides are disabled: no admin.token is configured")
                    .toResponse());
            return;
        }
        List<String> headers = request.getHeaders().getOrDefault(HttpHeaders.AUTHORIZATION, List.of());
        Matcher bearer = headers.size() == 1 ? BEARER.matcher(headers.get(0)) : null;
        if (bearer == null || !bearer.matches()) {
            request.abortWith(Problem.of(
                            401,
                            "unauthorized",
                            "Unauthorized",
                            "this operator action requires the header 'Authorization: Bearer <admin token>'")
                    .toResponseBuilder()
                    .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                    .build());
            return;
        }
        if (!MessageDigest.isEqual(tokenDigest.get(), digest(bearer.group(1)))) {
            LOG.warn(
                    "refused an operator action ({} {}): wrong bearer token",
                    request.getMethod(),
                    request.getUriInfo().getRequestUri().getRawPath());
            request.abortWith(Problem.of(403, "forbidden", "Forbidden", "the bearer token is not the admin token")
                    .toResponse());
        }
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
