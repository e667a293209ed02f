package io.haderos.shipping.benchmarks.scenario;

import io.haderos.shipping.benchmarks.process.GatewayLaunch;
import io.haderos.shipping.benchmarks.process.RecommendedOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * What every scenario needs to know.
 *
 * @param root the repository's root directory
 * @param gatewayJar the gateway's runnable jar
 * @param benchmarksJar this module's runnable jar (to start the bare endpoint and JMH from), when running from it
 * @param options the command line's options
 */
public record RunContext(Path root, Path gatewayJar, Path benchmarksJar, Options options) {

    private static final List<Path> SCRATCH = new CopyOnWriteArrayList<>();

    /**
     * A new empty directory for one process's working directory and log, deleted by {@link #deleteScratch()} unless
     * {@code --keep} was given.
     */
    public Path scratch(String name) throws IOException {
        Path dir = Files.createTempDirectory("bench-" + name + "-");
        SCRATCH.add(dir);
        return dir;
    }

    /** Deletes the scratch directories made so far (unless {@code --keep}); says where they are otherwise. */
    public void deleteScratch() {
        if (options.flag("keep")) {
            SCRATCH.forEach(dir -> System.out.println("kept " + dir));
        } else {
            SCRATCH.forEach(RunContext::deleteTree);
        }
        SCRATCH.clear();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    /**
     * How to start the gateway: as the README's run command does ({@code ./gateway}: its JVM options and its
     * class-data archive), so that a scenario measures the gateway as a user runs it; {@code java <options> -jar} when
     * {@code --jvm-options} is given, or when {@code --gateway-jar} names another jar than the launcher's (with the
     * launcher's options).
     */
    public GatewayLaunch gatewayLaunch() throws IOException {
        Optional<String> given = options.string("jvm-options");
        if (given.isPresent()) {
            return GatewayLaunch.java(
                    root,
                    gatewayJar,
                    given.get().isBlank()
                            ? List.of()
                            : List.of(given.get().strip().split("\\s+")));
        }
        GatewayLaunch launcher = GatewayLaunch.launcher(root);
        if (!launcher.jar()
                .toAbsolutePath()
                .normalize()
                .equals(gatewayJar.toAbsolutePath().normalize())) {
            return GatewayLaunch.java(root, gatewayJar, RecommendedOptions.of(root));
        }
        return launcher;
    }

    /** Whether {@code --quick} was given. */
    public boolean quick() {
        return options.quick();
    }
}
