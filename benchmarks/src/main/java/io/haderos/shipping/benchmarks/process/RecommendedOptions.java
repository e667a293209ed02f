package io.haderos.shipping.benchmarks.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM options the README's run command ({@code ./gateway}) uses, read from that launcher, so the benchmarks run
 * the gateway exactly as a user does and the options are written in one place only.
 */
public final class RecommendedOptions {

    private static final Pattern DEFAULTS = Pattern.compile("(?m)^GATEWAY_JAVA_OPTIONS_DEFAULT=\"([^\"]*)\"$");

    private RecommendedOptions() {}

    /** The launcher's default options; the launcher is {@code gateway} in {@code root}. */
    public static List<String> of(Path root) throws IOException {
        Path launcher = root.resolve("gateway");
        Matcher matcher = DEFAULTS.matcher(Files.readString(launcher));
        if (!matcher.find()) {
            throw new IOException("no GATEWAY_JAVA_OPTIONS_DEFAULT line in " + launcher);
        }
        String options = matcher.group(1).strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }
}
