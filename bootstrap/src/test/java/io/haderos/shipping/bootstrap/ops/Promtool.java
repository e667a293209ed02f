package io.haderos.shipping.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Prometheus' {@code promtool}, run as a process. When it is missing the calling test fails under {@code CI=true}
 * and is skipped elsewhere, as the metrics lint check does.
 */
public final class Promtool {

    private static final long TIMEOUT_SECONDS = 120;

    private final Path executable;

    private Promtool(Path executable) {
        this.executable = executable;
    }

    /** promtool on this machine for the rule and dashboard checks; see {@link #onThisMachine(String)}. */
    static Promtool onThisMachine() {
        return onThisMachine("the Prometheus rule and dashboard checks");
    }

    /** promtool on this machine; when it is missing, a failure on CI and a skip of {@code checks} elsewhere. */
    public static Promtool onThisMachine(String checks) {
        Optional<Path> found = Stream.concat(
                        Stream.of("/usr/bin"),
                        Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)))
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, "promtool"))
                .filter(Files::isExecutable)
                .findFirst();
        String missing = "promtool is not installed (Debian package 'prometheus': apt-get install prometheus)";
        if (found.isEmpty() && "true".equals(System.getenv("CI"))) {
            fail(missing + "; CI=true requires it");
        }
        assumeTrue(found.isPresent(), missing + ": skipping " + checks);
        return new Promtool(found.orElseThrow());
    }

    /** {@code promtool check rules FILE}. */
    Result checkRules(Path rules) {
        return run("check", "rules", rules.toString());
    }

    /** {@code promtool test rules FILE}: the unit tests, with rule files found relative to {@code tests}. */
    Result testRules(Path tests) {
        return run("test", "rules", tests.toString());
    }

    /** {@code promtool check metrics} on {@code exposition}, a Prometheus text exposition, given as its input. */
    public Result checkMetrics(String exposition) {
        try {
            Path input = Files.createTempFile("promtool", ".in");
            try {
                Files.writeString(input, exposition, StandardCharsets.UTF_8);
                return run(Optional.of(input), "check", "metrics");
            } finally {
                Files.deleteIfExists(input);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not write promtool's input", e);
        }
    }

    /** {@code promtool --version}, first line. */
    String version() {
        return run("--version").output().lines().findFirst().orElse("?");
    }

    private Result run(String... arguments) {
        return run(Optional.empty(), arguments);
    }

    private Result run(Optional<Path> input, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(arguments));
        try {
            Path output = Files.createTempFile("promtool", ".out");
            try {
                ProcessBuilder builder =
                        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
                input.ifPresent(file -> builder.redirectInput(file.toFile()));
                Process process = builder.start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail("%s did not finish within %d s", String.join(" ", command), TIMEOUT_SECONDS);
                }
                return new Result(
                        String.join(" ", command),
                        process.exitValue(),
                        Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** What one promtool run printed (standard output and error together) and how it exited. */
    public record Result(String command, int exitCode, String output) {

        /** The lines promtool printed, blank ones left out. */
        public List<String> lines() {
            return output.lines().filter(line -> !line.isBlank()).toList();
        }

        /** Fails with promtool's whole output unless it exited with 0. */
        Result assertPassed() {
            return assertPassed("");
        }

        /** Fails with promtool's whole output and {@code context} unless it exited with 0. */
        Result assertPassed(String context) {
            assertThat(exitCode)
                    .as("%s exited with %d; promtool said:%n%s%s", command, exitCode, output, context)
                    .isZero();
            return this;
        }
    }
}
