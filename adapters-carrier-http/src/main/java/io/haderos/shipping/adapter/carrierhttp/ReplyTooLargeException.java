package io.haderos.shipping.adapter.carrierhttp;

import java.io.IOException;

/** A reply longer than its reader takes ({@link ReplyBodies}): the rest of it was not read. */
public final class ReplyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int maxBytes;

    ReplyTooLargeException(int maxBytes) {
        super("the reply is longer than " + maxBytes + " bytes: not read");
        this.maxBytes = maxBytes;
    }

    /** The most the reader took. */
    public int maxBytes() {
        return maxBytes;
    }
}
