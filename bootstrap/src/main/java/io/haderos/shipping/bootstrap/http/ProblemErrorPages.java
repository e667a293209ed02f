package io.haderos.shipping.bootstrap.http;

import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;

/**
 * The HTTP server's own error pages (a request refused after parsing, a failure outside Jersey, shutting down) as
 * {@code application/problem+json} instead of Grizzly's HTML page, which names the server and its version.
 */
final class ProblemErrorPages implements ErrorPageGenerator {

    @Override
    public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
        request.getResponse().setContentType(EdgeProblems.MEDIA_TYPE);
        request.getResponse().setHeader("X-Content-Type-Options", "nosniff");
        request.getResponse().setHeader("Cache-Control", "no-store");
        return EdgeProblems.json(status);
    }
}
