package io.haderos.shipping.benchmarks.scenario;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code --name=value} and {@code --flag} arguments after the scenario's name. {@code --quick} scales every
 * duration down for development runs (the figures are then only a smoke test).
 */
public record Options(Map<String, String> values) {

    public Options {
        values = Map.copyOf(values);
    }

    /**
     * Parses {@code --name=value} and {@code --flag} arguments.
     *
     * @throws IllegalArgumentException on an argument of another shape
     */
    public static Options parse(List<String> arguments) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String argument : arguments) {
            if (!argument.startsWith("--") || argument.length() < 3) {
                throw new IllegalArgumentException("expected --name=value or --flag, got '" + argument + "'");
            }
            int equals = argument.indexOf('=');
            if (equals < 0) {
                values.put(argument.substring(2), "true");
            } else {
                values.put(argument.substring(2, equals), argument.substring(equals + 1));
            }
        }
        return new Options(values);
    }

    /** Whether {@code --quick} was given. */
    public boolean quick() {
        return flag("quick");
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    public Optional<String> string(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** {@code --name=N}, else {@code full}, or {@code quick} under {@code --quick}. */
    public int integer(String name, int full, int quick) {
        return string(name).map(Integer::parseInt).orElse(quick() ? quick : full);
    }

    /** {@code --name=N} (seconds, may be fractional), else {@code full}, or {@code quick} under {@code --quick}. */
    public Duration seconds(String name, Duration full, Duration quick) {
        return string(name)
                .map(value -> Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000)))
                .orElse(quick() ? quick : full);
    }

    /** {@code --name=X} as a number, else {@code full}, or {@code quick} under {@code --quick}. */
    public double number(String name, double full, double quick) {
        return string(name).map(Double::parseDouble).orElse(quick() ? quick : full);
    }
}
