package io.haderos.shipping.benchmarks.driver;

/**
 * One request of a load run and what became of it.
 *
 * @param stream the name of the stream it belongs to ({@code rates}, {@code ship}, {@code live} …)
 * @param index its number within the stream, from 0
 * @param startNanos when it was meant to start ({@link System#nanoTime()}): open-loop latency counts from here, so a
 *     stall of the driver or of the server cannot hide behind requests that were never sent
 * @param endNanos when its answer (or failure) arrived
 * @param status the HTTP status, or {@link #NO_ANSWER} when none came (connection failure, client timeout, or not sent
 *     because too many requests were already in flight)
 * @param body the response body when the stream keeps bodies, else {@code null}
 * @param failure why no answer came, else {@code null}
 */
public record Exchange(
        String stream, long index, long startNanos, long endNanos, int status, byte[] body, String failure) {

    /** The status of an exchange that got no HTTP answer. */
    public static final int NO_ANSWER = -1;

    /** The failure of a request the driver did not send because too many were in flight. */
    public static final String NOT_SENT = "not sent: driver limit";

    /** From the intended start to the answer (or failure). */
    public long latencyNanos() {
        return endNanos - startNanos;
    }

    /** Answered with a 2xx status. */
    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** Got an HTTP answer of any status. */
    public boolean answered() {
        return status != NO_ANSWER;
    }

    /** Whether the driver sent it at all. */
    public boolean sent() {
        return !NOT_SENT.equals(failure);
    }

    /** The body as UTF-8 text, or {@code ""} when it was not kept. */
    public String bodyText() {
        return body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
}
