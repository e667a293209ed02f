package io.haderos.shipping.adapter.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Limits on what a request body may be (docs/architecture.md#rest-contract), checked before anything reads it:
 *
 * <ul>
 *   <li>at most {@code maxBodyBytes}: a declared {@code Content-Length} above it is refused at once, and a body sent
 *       without one (chunked) is cut off when it grows past it — 413 {@code request-too-large} either way;</li>
 *   <li>text in UTF-8: a {@code charset} parameter other than UTF-8 on the {@code Content-Type} is 415; no parameter
 *       means UTF-8, as JSON requires.</li>
 * </ul>
 */
@PreMatching
@Priority(Priorities.ENTITY_CODER)
final class RequestBodyLimits implements ContainerRequestFilter {

    private final long maxBodyBytes;

    RequestBodyLimits(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBodyBytes) {
            throw tooLarge(maxBodyBytes);
        }
        MediaType type = mediaType(request);
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !isUtf8(charset)) {
            throw new WebApplicationException(415);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream(), maxBodyBytes));
        }
    }

    /** The problem for a body over the limit; the limit is part of it. */
    static WebApplicationException tooLarge(long maxBodyBytes) {
        return new WebApplicationException(Problem.of(
                        413,
                        "request-too-large",
                        "Request too large",
                        "the request body must not exceed " + maxBodyBytes + " bytes")
                .with("max_body_bytes", maxBodyBytes)
                .toResponse());
    }

    /**
     * The request's media type, parsed through the request so that Jersey's own lookup, when it picks the body
     * reader, reuses it instead of parsing the header a second time.
     */
    private static MediaType mediaType(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return request.getMediaType();
        } catch (RuntimeException e) { // Jersey's HeaderValueException, or IllegalArgumentException from the parser
            throw new WebApplicationException(415);
        }
    }

    private static boolean isUtf8(String charset) {
        String name = charset.strip().toLowerCase(Locale.ROOT);
        if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.equals("utf-8")
                || name.equals("utf8")
                || name.equals(StandardCharsets.UTF_8.name().toLowerCase(Locale.ROOT));
    }

    /** The body, failing with 413 once more than {@code limit} bytes have been read. */
    private static final class Bounded extends FilterInputStream {

        private final long limit;
        private long read;

        Bounded(InputStream body, long limit) {
            super(body);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long bytes) {
            read += bytes;
            if (read > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
