package io.haderos.shipping.adapter.jdbi;

import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jdbi.v3.core.JdbiException;

/** What went wrong with the database, in words fit for a log line, an alert or a start-up message. */
final class DatabaseFailures {

    private static final Pattern SECRET =
            Pattern.compile("(?i)(password|passwd|pwd|secret|token|api[-_]?key)=[^;&,\\s]*");
    private static final Pattern URL_CREDENTIALS = Pattern.compile("//[^/@\\s]+@");
    private static final int MAX_LENGTH = 200;

    private DatabaseFailures() {}

    /** SQLSTATE of a unique-constraint violation, in H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * {@code work}, with a database failure thrown as the port's own unavailability: {@code unavailable} is given
     * {@code what}, then the failure {@linkplain #describe described}, and the failure as the cause.
     */
    static <T> T guarded(
            String what, Supplier<T> work, BiFunction<String, Throwable, ? extends RuntimeException> unavailable) {
        try {
            return work.get();
        } catch (JdbiException e) {
            throw unavailable.apply(what + ": " + describe(e), e);
        }
    }

    /** Whether {@code e} or one of its causes is a unique-constraint violation. */
    static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The root cause in one line, without anything that looks like a credential, at most 200 characters. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().strip();
        String text = root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        text = SECRET.matcher(text).replaceAll("$1=***");
        text = URL_CREDENTIALS.matcher(text).replaceAll("//***@");
        text = text.replaceAll("\\s+", " ");
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
    }
}
