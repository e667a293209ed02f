package io.haderos.shipping.benchmarks.report;

import io.haderos.shipping.benchmarks.process.ProcFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where and when a result was measured: date, commit, machine, JDK and the exact command.
 *
 * @param date when the scenario ended (UTC, to the second)
 * @param commit {@code git rev-parse --short HEAD}, with {@code -dirty} when tracked files other than
 *     {@code docs/benchmarks.md} had changes, or {@code "unknown"}
 * @param machine cores, CPU model, memory and operating system
 * @param jdk the Java runtime running the benchmarks (and the processes they start)
 * @param command the command line that produced the result
 */
public record RunStamp(Instant date, String commit, String machine, String jdk, String command) {

    /**
     * The stamp of a result measured now, of the code at {@code commit} (read with {@link #commit(Path)} when the run
     * began: sources edited while it runs do not change what it runs).
     */
    public static RunStamp now(String commit, String command) {
        return new RunStamp(
                Instant.now().truncatedTo(ChronoUnit.SECONDS), commit, describeMachine(), describeJdk(), command);
    }

    /** The stamp as a few markdown lines. */
    public String markdown() {
        return "Measured " + date + " on commit `" + commit + "`; " + machine + "; " + jdk + ".  \nCommand: `" + command
                + "`";
    }

    /** This process's command line, with {@code java} for the executable's path. */
    public static String currentCommand(List<String> fallbackArguments) {
        Optional<String[]> arguments = ProcessHandle.current().info().arguments();
        List<String> args = arguments.map(List::of).orElse(fallbackArguments);
        return "java " + String.join(" ", args);
    }

    static String describeMachine() {
        int cores = Runtime.getRuntime().availableProcessors();
        String cpu = ProcFiles.cpuModel().orElse(System.getProperty("os.arch"));
        String memory = ProcFiles.memTotalBytes().stream()
                .mapToObj(bytes -> String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024)))
                .findFirst()
                .orElse("? GiB");
        String os = ProcFiles.osPrettyName().orElse(System.getProperty("os.name")) + " ("
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + ")";
        return cores + " cores (" + cpu + "), " + memory + " memory, " + os;
    }

    static String describeJdk() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    }

    /**
     * {@code git rev-parse --short HEAD} in {@code root}, with {@code -dirty} when tracked files other than
     * {@code docs/benchmarks.md} have changes; {@code "unknown"} outside a repository.
     */
    public static String commit(Path root) {
        Optional<String> head = git(root, "rev-parse", "--short", "HEAD");
        if (head.isEmpty()) {
            return "unknown";
        }
        boolean dirty = git(root, "status", "--porcelain", "--untracked-files=no", "--", ".", ":!docs/benchmarks.md")
                .map(status -> !status.isBlank())
                .orElse(false);
        return head.get() + (dirty ? "-dirty" : "");
    }

    private static Optional<String> git(Path root, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return Optional.empty();
            }
            return Optional.of(output);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
