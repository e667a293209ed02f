package io.haderos.shipping.benchmarks.driver;

import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;

/** Short names for the ways a request can fail without an HTTP answer. */
final class Failures {

    private Failures() {}

    static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpTimeoutException) {
            return "client timeout";
        }
        if (cause instanceof java.net.ConnectException) {
            return "connection refused";
        }
        return cause.getClass().getSimpleName();
    }
}
