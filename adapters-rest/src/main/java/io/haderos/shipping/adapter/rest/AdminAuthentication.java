package io.haderos.shipping.adapter.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Guards {@link AdminOnly} resources with the operators' bearer token (docs/architecture.md#security):
 *
 * <table>
 *   <caption>answer by request</caption>
 *   <tr><td>no {@code admin.token} is configured</td><td>403: operator actions are disabled</td></tr>
 *   <tr><td>no {@code Authorization} header, or not {@code Bearer <token>}</td><td>401 with {@code WWW-Authenticate: Bearer}</td></tr>
 *   <tr><td>a bearer token other than the admin token (a client's token too)</td><td>403</td></tr>
 *   <tr><td>the admin token</td><td>the request goes on to the resource</td></tr>
 * </table>
 *
 * <p>Only a SHA-256 digest of the token is kept, and tokens are compared digest to digest with
 * {@link MessageDigest#isEqual}, so the comparison takes the same time whatever the presented token's length or
 * content. No token, configured or presented, ever appears in a response or a log line; refusals are counted and
 * logged at most once a minute per source address ({@link RefusalLog}).
 */
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
final class AdminAuthentication implements ContainerRequestFilter {

    private final Optional<byte[]> tokenDigest;
    private final Doorkeeper doorkeeper;

    /** @param adminToken the operators' token; empty (or blank) disables every {@link AdminOnly} resource */
    AdminAuthentication(Optional<String> adminToken, Doorkeeper doorkeeper) {
        this.tokenDigest = adminToken.filter(token -> !token.isBlank()).map(ClientTokens::sha256);
        this.doorkeeper = doorkeeper;
    }

    /** Whether operator actions are possible at all. */
    boolean enabled() {
        return tokenDigest.isPresent();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (tokenDigest.isEmpty()) {
            doorkeeper.report(request, AccessObserver.Kind.ADMIN, AccessObserver.Reason.DISABLED);
            request.abortWith(Problem.of(
                            403,
                            "operator-actions-disabled",
                            "Forbidden",
                            "operator overrides are disabled: no admin.token is configured")
                    .toResponse());
            return;
        }
        Doorkeeper.Presented presented = doorkeeper.presented(request, AccessObserver.Kind.ADMIN, "admin token");
        if (presented.refusal() != null) {
            request.abortWith(presented.refusal());
            return;
        }
        if (!MessageDigest.isEqual(tokenDigest.get(), ClientTokens.sha256(presented.token()))) {
            doorkeeper.report(request, AccessObserver.Kind.ADMIN, AccessObserver.Reason.UNKNOWN_TOKEN);
            request.abortWith(Problem.of(403, "forbidden", "Forbidden", "the bearer token is not the admin token")
                    .toResponse());
        }
    }
}
