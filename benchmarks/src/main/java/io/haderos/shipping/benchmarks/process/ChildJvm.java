package io.haderos.shipping.benchmarks.process;

import io.haderos.shipping.benchmarks.driver.CpuClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A Java process started by the benchmarks, with its output in a log file, its own CPU and memory counters, and a
 * graceful stop (SIGTERM, then SIGKILL after a grace period).
 *
 * <p>Its environment is clean: only {@code PATH}, {@code HOME}, {@code LANG}, {@code TMPDIR} and {@code JAVA_HOME} are
 * passed on, plus what the caller sets, so a variable of the shell running the benchmarks cannot change what is
 * measured.
 */
public final class ChildJvm implements AutoCloseable {

    private static final List<String> PASSED_ON = List.of("PATH", "HOME", "LANG", "TMPDIR", "JAVA_HOME");
    private static final Duration GRACE = Duration.ofSeconds(20);
    /** Children still running: stopped when the benchmarks' JVM is stopped (Ctrl-C), so none is left behind. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "child-jvm-reaper"));
    }

    private final String name;
    private final Process process;
    private final long launchedNanos;
    private final Path log;

    private ChildJvm(String name, Process process, long launchedNanos, Path log) {
        this.name = name;
        this.process = process;
        this.launchedNanos = launchedNanos;
        this.log = log;
    }

    /**
     * Starts {@code java <jvmOptions> <arguments>} with the same Java as the benchmarks.
     *
     * @param workDir the working directory (created if needed)
     * @param environment variables set on top of the clean environment
     */
    public static ChildJvm start(
            String name, List<String> jvmOptions, List<String> arguments, Map<String, String> environment, Path workDir)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.addAll(arguments);
        return exec(name, command, environment, workDir);
    }

    /**
     * Starts {@code command}, which runs a JVM in its own process ({@code java …}, or a script that {@code exec}s it,
     * so that the process's counters are the JVM's).
     *
     * @param workDir the working directory (created if needed)
     * @param environment variables set on top of the clean environment
     */
    public static ChildJvm exec(String name, List<String> command, Map<String, String> environment, Path workDir)
            throws IOException {
        Files.createDirectories(workDir);
        Path log = workDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        Map<String, String> inherited = Map.copyOf(env);
        env.clear();
        for (String key : PASSED_ON) {
            if (inherited.containsKey(key)) {
                env.put(key, inherited.get(key));
            }
        }
        env.putAll(environment);
        long launched = System.nanoTime();
        Process process = builder.start();
        RUNNING.add(process);
        return new ChildJvm(name, process, launched, log);
    }

    /**
     * Waits for the end of the process's start-up: asks {@code ready} every {@code every} until it answers true.
     *
     * @param what the process as the messages name it, e.g. {@code "the gateway"}
     * @throws IOException when the process ends first, or {@code patience} runs out first (the process is stopped
     *     then), with the end of its log
     */
    public void awaitReady(String what, Duration patience, Duration every, BooleanSupplier ready)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                throw new IOException(what + " exited during start-up:\n" + logTail(3000));
            }
            if (ready.getAsBoolean()) {
                return;
            }
            Thread.sleep(every.toMillis());
        }
        stop();
        throw new IOException(what + " was not ready within " + patience.toSeconds() + " s:\n" + logTail(3000));
    }

    /** The {@code java} of the JVM running the benchmarks. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    /** {@link System#nanoTime()} just before the process was launched. */
    public long launchedNanos() {
        return launchedNanos;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The process's CPU counters. */
    public CpuClock cpu() {
        return CpuClock.of(process.toHandle());
    }

    /** Resident set size ({@code VmRSS} of {@code /proc/<pid>/status}), when the process is alive and on Linux. */
    public OptionalLong rssBytes() {
        return ProcFiles.rssBytes(process.pid());
    }

    /** The process's output so far (its last {@code maxChars} characters). */
    public String logTail(int maxChars) {
        try {
            String text = Files.readString(log);
            return text.length() <= maxChars ? text : text.substring(text.length() - maxChars);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public Path logFile() {
        return log;
    }

    /** SIGTERM, then SIGKILL if the process is still there after the grace period. */
    public void stop() {
        if (!process.isAlive()) {
            RUNNING.remove(process);
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        RUNNING.remove(process);
    }

    @Override
    public void close() {
        stop();
    }
}
