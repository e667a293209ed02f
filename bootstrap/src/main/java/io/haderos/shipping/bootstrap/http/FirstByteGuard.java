package io.haderos.shipping.bootstrap.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;

/**
 * Answers at once a connection whose first byte cannot start an HTTP request: a TLS handshake sent to a plain-HTTP
 * port, or binary noise. HTTP's parser would otherwise wait for a line end that never comes, holding the connection
 * until the idle timeout. The answer is the edge's 400 problem, and the connection is closed. Only the first byte of
 * a connection is looked at; everything after it is the parser's.
 */
final class FirstByteGuard extends BaseFilter {

    private final Attribute<Boolean> checked =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(FirstByteGuard.class.getName() + ".checked");

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        Connection<?> connection = ctx.getConnection();
        if (checked.isSet(connection)) {
            return ctx.getInvokeAction();
        }
        Buffer input = ctx.getMessage();
        if (!input.hasRemaining()) {
            return ctx.getInvokeAction();
        }
        checked.set(connection, Boolean.TRUE);
        byte first = input.get(input.position());
        if (canStartARequest(first)) {
            return ctx.getInvokeAction();
        }
        byte[] body = EdgeProblems.body(400);
        String head = "HTTP/1.1 400 Bad Request\r\nContent-Type: " + EdgeProblems.MEDIA_TYPE + "\r\nContent-Length: "
                + body.length + "\r\nX-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\n"
                + "Connection: close\r\n\r\n";
        Buffer answer = Buffers.appendBuffers(
                MemoryManager.DEFAULT_MEMORY_MANAGER,
                Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, head.getBytes(StandardCharsets.US_ASCII)),
                Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, body));
        ctx.write(answer, new EmptyCompletionHandler<WriteResult>() {
            @Override
            public void completed(WriteResult result) {
                connection.closeSilently();
            }

            @Override
            public void failed(Throwable throwable) {
                connection.closeSilently();
            }
        });
        return ctx.getStopAction();
    }

    /** A method's first letter, or the empty line a client may send before its request. */
    private static boolean canStartARequest(byte b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || b == '\r' || b == '\n';
    }
}
