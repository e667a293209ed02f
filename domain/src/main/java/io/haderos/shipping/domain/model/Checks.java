package io.haderos.shipping.domain.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Validation helpers shared by the domain's records. Every failure names its field. */
public final class Checks {

    private Checks() {}

    /** A non-null value. */
    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidValueException(field, "is required");
        }
        return value;
    }

    /** Trimmed, non-blank text of at most {@code max} characters (any script; control characters refused). */
    public static String text(String value, String field, int max) {
        required(value, field);
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidValueException(field, "must not be blank");
        }
        return bounded(trimmed, field, max);
    }

    /** Like {@link #text} but absent (null or blank) becomes the empty string. */
    public static String optionalText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return "";
        }
        return bounded(value.strip(), field, max);
    }

    /** Non-blank text of at most {@code max} characters, kept exactly as given (a secret); messages never show it. */
    public static String secret(String value, String field, int max) {
        text(value, field, max);
        return value;
    }

    /** A positive duration. */
    public static Duration positive(Duration value, String field) {
        required(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new InvalidValueException(field, "must be positive");
        }
        return value;
    }

    /** A positive duration not above {@code max}, a whole number of minutes. */
    public static Duration positive(Duration value, String field, Duration max) {
        positive(value, field);
        if (value.compareTo(max) > 0) {
            throw new InvalidValueException(field, "must be at most " + max.toMinutes() + " minutes");
        }
        return value;
    }

    /** A positive decimal not above {@code max}, with at most {@code scale} fraction digits. */
    public static BigDecimal positive(BigDecimal value, String field, BigDecimal max, int scale) {
        required(value, field);
        if (value.signum() <= 0) {
            throw new InvalidValueException(field, "must be greater than 0");
        }
        return bounded(value, field, max, scale);
    }

    /** A decimal of zero or more, not above {@code max}, with at most {@code scale} fraction digits. */
    public static BigDecimal nonNegative(BigDecimal value, String field, BigDecimal max, int scale) {
        required(value, field);
        if (value.signum() < 0) {
            throw new InvalidValueException(field, "must not be negative");
        }
        return bounded(value, field, max, scale);
    }

    /** An immutable copy of a non-empty list without null elements, of at most {@code max} entries. */
    public static <T> List<T> nonEmpty(List<T> values, String field, int max) {
        required(values, field);
        if (values.isEmpty()) {
            throw new InvalidValueException(field, "must not be empty");
        }
        if (values.size() > max) {
            throw new InvalidValueException(field, "must not have more than " + max + " entries");
        }
        if (values.stream().anyMatch(Objects::isNull)) {
            throw new InvalidValueException(field, "must not contain null entries");
        }
        return List.copyOf(values);
    }

    private static String bounded(String value, String field, int max) {
        if (value.codePointCount(0, value.length()) > max) {
            throw new InvalidValueException(field, "must be at most " + max + " characters");
        }
        // Every ISO control character is a single UTF-16 unit, so a plain loop sees them all.
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\n') {
                throw new InvalidValueException(field, "must not contain control characters");
            }
        }
        return value;
    }

    private static BigDecimal bounded(BigDecimal value, String field, BigDecimal max, int scale) {
        if (value.compareTo(max) > 0) {
            throw new InvalidValueException(field, "must be at most " + max.toPlainString());
        }
        BigDecimal normalized = value.stripTrailingZeros();
        if (normalized.scale() > scale) {
            throw new InvalidValueException(field, "must have at most " + scale + " decimal places");
        }
        return normalized.scale() < 0 ? normalized.setScale(0) : normalized;
    }
}
