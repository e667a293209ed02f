package io.haderos.shipping.adapter.carrierhttp;

import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Supplier;

/**
 * Reply bodies read whole, up to a size: a carrier (or whoever answers at its address) that sends more is not read
 * further, so one reply can never take the heap. {@link CarrierExchange} reports such a reply as unreadable.
 */
public final class ReplyBodies {

    /**
     * The most a carrier's reply may hold: labels arrive inline (base64, each at most 5 MB, real ones tens of
     * kilobytes), so 16 MB holds two of the largest while a reply, read and parsed, stays well within the gateway's
     * 128 MB heap.
     */
    public static final int MAX_REPLY_BYTES = 16 * 1024 * 1024;

    private ReplyBodies() {}

    /** The body's bytes, failing with {@link ReplyTooLargeException} past {@code maxBytes}. */
    public static Supplier<BodySubscriber<byte[]>> bytes(int maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
        }
        return () -> new Limited(maxBytes);
    }

    /** The body as UTF-8 text, failing with {@link ReplyTooLargeException} past {@code maxBytes}. */
    public static Supplier<BodySubscriber<String>> utf8(int maxBytes) {
        Supplier<BodySubscriber<byte[]>> bytes = bytes(maxBytes);
        return () -> BodySubscribers.mapping(bytes.get(), body -> new String(body, StandardCharsets.UTF_8));
    }

    /** Keeps the buffers as they come, as the JDK's own byte-array subscriber does, and stops at the limit. */
    private static final class Limited implements BodySubscriber<byte[]> {

        private final int maxBytes;
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final List<ByteBuffer> received = new ArrayList<>();
        private long size;
        private Flow.Subscription subscription;

        Limited(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                size += buffer.remaining();
            }
            if (size > maxBytes) {
                received.clear();
                subscription.cancel();
                body.completeExceptionally(new ReplyTooLargeException(maxBytes));
                return;
            }
            received.addAll(buffers);
        }

        @Override
        public void onError(Throwable failure) {
            received.clear();
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            byte[] all = new byte[(int) size];
            int at = 0;
            for (ByteBuffer buffer : received) {
                int length = buffer.remaining();
                buffer.get(all, at, length);
                at += length;
            }
            received.clear();
            body.complete(all);
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }
    }
}
