package io.haderos.shipping.bootstrap;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * Typed, validated reads of MicroProfile Config keys. Every failure is an {@link InvalidSettingException}
 * naming the key; values of secret keys are never repeated in messages.
 */
final class SettingsReader {

    private static final Set<String> SECRET_WORDS = Set.of("password", "pin", "api-key", "token", "secret", "webhook");

    private final Config config;

    SettingsReader(Config config) {
        this.config = config;
    }

    Optional<String> optional(String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(value -> !value.isEmpty());
    }

    String required(String key) {
        return optional(key).orElseThrow(() -> new InvalidSettingException(key, "is required"));
    }

    int integer(String key, int min, int max) {
        String raw = required(key);
        try {
            int value = Integer.parseInt(raw);
            if (value < min || value > max) {
                throw invalid(key, raw, "must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(key, raw, "must be a whole number");
        }
    }

    /** An integer setting that falls back to {@code fallbackKey} when absent. */
    int integer(String key, String fallbackKey, int min, int max) {
        return optional(key).isPresent() ? integer(key, min, max) : integer(fallbackKey, min, max);
    }

    Duration seconds(String key, int min, int max) {
        return Duration.ofSeconds(integer(key, min, max));
    }

    Duration seconds(String key, String fallbackKey, int min, int max) {
        return Duration.ofSeconds(integer(key, fallbackKey, min, max));
    }

    /**
     * A duration in seconds that may be fractional ({@code 2.5}), with at most millisecond precision, falling back to
     * {@code fallbackKey} when {@code key} is absent.
     */
    Duration decimalSeconds(String key, String fallbackKey, Duration min, Duration max) {
        String used = optional(key).isPresent() ? key : fallbackKey;
        String raw = required(used);
        if (!raw.matches("\\d{1,6}(\\.\\d{1,3})?")) {
            throw invalid(used, raw, "must be a number of seconds such as 3 or 2.5 (at most 3 decimals)");
        }
        Duration value = Duration.ofMillis(
                new java.math.BigDecimal(raw).movePointRight(3).longValueExact());
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw invalid(used, raw, "must be between " + seconds(min) + " and " + seconds(max) + " seconds");
        }
        return value;
    }

    private static String seconds(Duration duration) {
        return java.math.BigDecimal.valueOf(duration.toMillis(), 3)
                .stripTrailingZeros()
                .toPlainString();
    }

    boolean bool(String key, boolean fallback) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        return switch (raw.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw invalid(key, raw.get(), "must be true or false");
        };
    }

    URI httpUrl(String key) {
        String raw = required(key);
        try {
            URI uri = new URI(raw);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw invalid(key, raw, "must be an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid(key, raw, "must be an absolute http(s) URL");
        }
    }

    Optional<Path> path(String key) {
        return optional(key).map(raw -> {
            try {
                return Path.of(raw);
            } catch (java.nio.file.InvalidPathException e) {
                throw invalid(key, raw, "must be a file path");
            }
        });
    }

    /** A field's Java name as a setting key's word: {@code postalCode} is {@code postal-code}. */
    static String keyOf(String javaName) {
        return javaName.replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .replace('_', '-')
                .toLowerCase(java.util.Locale.ROOT);
    }

    InvalidSettingException invalid(String key, String value, String problem) {
        boolean secret = SECRET_WORDS.stream().anyMatch(key::contains);
        return new InvalidSettingException(key, (secret ? "" : "= '" + value + "' ") + problem);
    }
}
