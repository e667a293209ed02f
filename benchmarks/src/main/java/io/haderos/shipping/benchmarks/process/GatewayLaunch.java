package io.haderos.shipping.benchmarks.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the benchmarks start the gateway: through the README's run command, the {@code gateway} launcher at the
 * repository's root (its JVM options and, unless {@code GATEWAY_CDS=off}, its class-data archive), or, for an
 * experiment, {@code java <options> -jar} on a jar.
 *
 * @param root the repository (where the launcher is)
 * @param jar the gateway's runnable jar
 * @param javaOptions {@code java -jar} with these options instead of the launcher, when present
 * @param cds whether the launcher may use (or write) its class-data archive
 */
public record GatewayLaunch(Path root, Path jar, Optional<List<String>> javaOptions, boolean cds) {

    /** The launcher's jar, relative to the repository. */
    public static final String LAUNCHER_JAR = "bootstrap/target/shipping-gateway.jar";

    public GatewayLaunch {
        javaOptions = javaOptions.map(List::copyOf);
    }

    /** {@code ./gateway} in {@code root}, with its class-data archive. */
    public static GatewayLaunch launcher(Path root) {
        return new GatewayLaunch(root, root.resolve(LAUNCHER_JAR), Optional.empty(), true);
    }

    /** {@code java <options> -jar <jar>}. */
    public static GatewayLaunch java(Path root, Path jar, List<String> options) {
        return new GatewayLaunch(root, jar, Optional.of(options), false);
    }

    /** The same launch, with the class-data archive on or off ({@code GATEWAY_CDS}). */
    public GatewayLaunch withCds(boolean on) {
        return new GatewayLaunch(root, jar, javaOptions, on);
    }

    /** Whether this is the README's launcher rather than {@code java -jar}. */
    public boolean viaLauncher() {
        return javaOptions.isEmpty();
    }

    /** The JVM options the gateway runs with: the launcher's defaults, or the given ones. */
    public List<String> jvmOptions() throws IOException {
        return javaOptions.isPresent() ? javaOptions.get() : RecommendedOptions.of(root);
    }

    /** The class-data archive the launcher writes beside its jar. */
    public Path archive() {
        String name = jar.getFileName().toString();
        return jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + ".jsa");
    }

    /** Whether the launcher's archive is there and newer than its jar, as the launcher requires to use it. */
    public boolean archiveIsCurrent() throws IOException {
        Path archive = archive();
        return Files.isRegularFile(archive)
                && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0;
    }

    /** Starts the gateway this way, with {@code settings} as its environment, in {@code workDir}. */
    ChildJvm start(String name, Map<String, String> settings, Path workDir) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("no gateway jar at " + jar + ": build it first (mvn -q -DskipTests package)");
        }
        Map<String, String> env = new LinkedHashMap<>(settings);
        env.putAll(environment());
        return ChildJvm.exec(name, command(), env, workDir);
    }

    /** The command line: the launcher run by {@code sh}, or {@code java <options> -jar <jar>}. */
    public List<String> command() {
        List<String> command = new ArrayList<>();
        if (viaLauncher()) {
            command.addAll(List.of("sh", root.resolve("gateway").toString()));
        } else {
            command.add(ChildJvm.javaExecutable());
            command.addAll(javaOptions.get());
            command.addAll(List.of("-jar", jar.toString()));
        }
        return command;
    }

    /**
     * What the launcher is told besides the gateway's settings: the benchmarks' own {@code java} ({@code JAVA}) and
     * whether to use the archive ({@code GATEWAY_CDS}); nothing for {@code java -jar}.
     */
    public Map<String, String> environment() {
        return viaLauncher() ? Map.of("JAVA", ChildJvm.javaExecutable(), "GATEWAY_CDS", cds ? "on" : "off") : Map.of();
    }

    /** The command as a reader would type it, for the reports. */
    public String describe() {
        if (viaLauncher()) {
            return (cds ? "" : "GATEWAY_CDS=off ") + "./gateway";
        }
        List<String> options = javaOptions.get();
        return "java " + (options.isEmpty() ? "" : String.join(" ", options) + " ") + "-jar shipping-gateway.jar";
    }
}
