package io.haderos.shipping.bootstrap.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.IntPredicate;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.KeepAlive;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.http.util.DataChunk;
import org.glassfish.grizzly.http.util.HttpStatus;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;

/**
 * Grizzly's HTTP/1.1 parser, stricter, and with its refusals in the API's problem shape
 * (docs/architecture.md#the-edge-of-http). On top of what Grizzly refuses (a malformed request line or header, a bad
 * {@code Content-Length}, a missing {@code Host}), this refuses:
 *
 * <ul>
 *   <li>a method the gateway never serves ({@code CONNECT}, {@code TRACE}, {@code PRI}, anything unknown): 405, and
 *       the connection is closed rather than left waiting for a tunnel;</li>
 *   <li>a protocol other than HTTP/1.0 or 1.1: 400 (Grizzly would say 505, a server error);</li>
 *   <li>a {@code Transfer-Encoding} other than {@code chunked}, or one beside a {@code Content-Length}: 400, since two
 *       readers of such a request may disagree on where it ends;</li>
 *   <li>a request target with a control character, a space or a raw non-ASCII byte (it must be percent-encoded), and a
 *       header value with a control character: 400, before any decoding could go wrong.</li>
 * </ul>
 *
 * Oversized request lines are 414, oversized or too many headers 431 (Grizzly says 400 for both). Every such refusal
 * is {@code application/problem+json} with {@code X-Content-Type-Options: nosniff} and {@code Cache-Control:
 * no-store}, and closes the connection.
 */
final class EdgeCodecFilter extends HttpServerFilter {

    private static final Set<String> SERVED_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "OPTIONS");

    @SuppressWarnings("deprecation")
    EdgeCodecFilter(
            boolean chunkingEnabled,
            int maxHeadersSize,
            KeepAlive keepAlive,
            int maxRequestHeaders,
            int maxResponseHeaders) {
        super(chunkingEnabled, maxHeadersSize, null, keepAlive, null, maxRequestHeaders, maxResponseHeaders);
    }

    @Override
    protected boolean onHttpHeaderParsed(HttpHeader httpHeader, Buffer buffer, FilterChainContext ctx) {
        HttpRequestPacket request = (HttpRequestPacket) httpHeader;
        if (super.onHttpHeaderParsed(httpHeader, buffer, ctx)) {
            clientError(request.getResponse());
            return true;
        }
        HttpStatus refusal = refusal(request);
        if (refusal == null) {
            return false;
        }
        refusal.setValues(request.getResponse());
        if (refusal == HttpStatus.METHOD_NOT_ALLOWED_405) {
            request.getResponse().setHeader("Allow", EdgeProblems.ALLOWED_METHODS);
        }
        request.getProcessingState().setError(true);
        return true;
    }

    @Override
    protected void onHttpHeaderError(HttpHeader httpHeader, FilterChainContext ctx, Throwable failure)
            throws IOException {
        HttpResponsePacket response = ((HttpRequestPacket) httpHeader).getResponse();
        String message = String.valueOf(failure.getMessage());
        clientError(response);
        if (response.getStatus() < 400) {
            if (message.contains("intial line is too large") || message.contains("initial line is too large")) {
                HttpStatus.REQUEST_URI_TOO_LONG_414.setValues(response);
            } else if (message.contains("header is too large")
                    || failure instanceof MimeHeaders.MaxHeaderCountExceededException) {
                response.setStatus(431);
                response.setReasonPhrase("Request Header Fields Too Large");
            }
        }
        super.onHttpHeaderError(httpHeader, ctx, failure);
    }

    @Override
    protected HttpContent customizeErrorResponse(HttpResponsePacket response) {
        // HTTP/0.9 has no headers: answer as 1.1, which every client reads.
        response.setProtocol(Protocol.HTTP_1_1);
        byte[] body = EdgeProblems.body(response.getStatus());
        // As a plain header: Grizzly leaves out its own Content-Type for a request line it could not parse.
        response.getHeaders().setValue("Content-Type").setString(EdgeProblems.MEDIA_TYPE);
        response.setContentLength(body.length);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Connection", "close");
        return HttpContent.builder(response)
                .content(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, body))
                .last(true)
                .build();
    }

    /** Whatever Grizzly found wrong with a request is the client's error: a 5xx status becomes 400. */
    private static void clientError(HttpResponsePacket response) {
        if (response.getStatus() >= 500) {
            HttpStatus.BAD_REQUEST_400.setValues(response);
        }
    }

    /** Why the edge refuses this request, or null. */
    private static HttpStatus refusal(HttpRequestPacket request) {
        String method = request.getMethodDC().toString(StandardCharsets.ISO_8859_1);
        if (!SERVED_METHODS.contains(method)) {
            return HttpStatus.METHOD_NOT_ALLOWED_405;
        }
        Protocol protocol = request.getProtocol();
        if (protocol != Protocol.HTTP_1_1 && protocol != Protocol.HTTP_1_0) {
            return HttpStatus.BAD_REQUEST_400;
        }
        if (!printable(request.getRequestURIRef().getOriginalRequestURIBC())
                || !printable(request.getQueryStringDC())) {
            return HttpStatus.BAD_REQUEST_400;
        }
        MimeHeaders headers = request.getHeaders();
        String transferEncoding = headers.getHeader("Transfer-Encoding");
        if (transferEncoding != null
                && (!transferEncoding.strip().equalsIgnoreCase("chunked")
                        || headers.getHeader("Content-Length") != null)) {
            return HttpStatus.BAD_REQUEST_400;
        }
        for (int i = 0; i < headers.size(); i++) {
            if (hasControlCharacter(headers.getValue(i))) {
                return HttpStatus.BAD_REQUEST_400;
            }
        }
        return null;
    }

    /** Visible ASCII only: no control character, space, DEL or raw byte above 0x7F. */
    private static boolean printable(DataChunk chunk) {
        return !anyChar(chunk, c -> c <= 0x20 || c >= 0x7F);
    }

    /** A header value may hold tabs and any byte from the space up, but no other control character. */
    private static boolean hasControlCharacter(DataChunk value) {
        return anyChar(value, c -> (c < 0x20 && c != '\t') || c == 0x7F);
    }

    /** Whether a byte of {@code chunk} (read as ISO-8859-1) matches; an absent chunk has none. */
    private static boolean anyChar(DataChunk chunk, IntPredicate matches) {
        if (chunk == null || chunk.isNull()) {
            return false;
        }
        String text = chunk.toString(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < text.length(); i++) {
            if (matches.test(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
