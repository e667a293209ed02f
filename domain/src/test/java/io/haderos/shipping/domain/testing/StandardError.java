package io.haderos.shipping.domain.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What code writes to {@code System.err}: where a test's logging binding (slf4j-simple) writes what it logs. */
public final class StandardError {

    private StandardError() {}

    /** What is written to {@code System.err} while {@code action} runs; the stream is restored afterwards. */
    public static String during(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
