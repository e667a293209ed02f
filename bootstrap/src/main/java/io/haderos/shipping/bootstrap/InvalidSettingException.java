package io.haderos.shipping.bootstrap;

import java.util.Locale;

/** A configuration value that stops start-up. The message names the key and its environment variable. */
public final class InvalidSettingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;

    InvalidSettingException(String key, String problem) {
        super("invalid configuration: " + key + " (environment variable " + environmentName(key) + ") " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The environment variable that sets {@code key}: upper case, every non-alphanumeric replaced by '_'. */
    static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
