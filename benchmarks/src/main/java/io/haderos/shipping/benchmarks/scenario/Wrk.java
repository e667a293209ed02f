package io.haderos.shipping.benchmarks.scenario;

import io.haderos.shipping.benchmarks.driver.CpuClock;
import io.haderos.shipping.benchmarks.driver.CpuUsage;
import io.haderos.shipping.benchmarks.driver.LatencySummary;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk, when it is on the {@code PATH}: a closed-loop load from a native process, POSTing a JSON body through a Lua
 * script. Its CPU share is read from its {@code /proc} counters while it runs.
 */
public final class Wrk {

    /**
     * What wrk printed.
     *
     * @param requestsPerSecond its {@code Requests/sec}
     * @param latency its p50 and p99 (count and max not reported: 0)
     * @param errors non-2xx/3xx answers plus socket errors
     * @param cpu its own CPU over the run
     */
    public record Result(double requestsPerSecond, LatencySummary latency, long errors, CpuUsage cpu) {}

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private final Path executable;

    private Wrk(Path executable) {
        this.executable = executable;
    }

    /** wrk from the {@code PATH}, if there is one. */
    public static Optional<Wrk> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "wrk");
            if (Files.isExecutable(candidate)) {
                return Optional.of(new Wrk(candidate));
            }
        }
        return Optional.empty();
    }

    /** Runs {@code connections} connections on 2 threads POSTing {@code jsonBody} to {@code uri} for {@code duration}. */
    public Result run(URI uri, String jsonBody, int connections, Duration duration, Path scratch)
            throws IOException, InterruptedException {
        Path script = scratch.resolve("post.lua");
        Files.writeString(
                script,
                "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\nwrk.body = [[" + jsonBody
                        + "]]\n");
        Process process = new ProcessBuilder(
                        executable.toString(),
                        "-t2",
                        "-c" + connections,
                        "-d" + Math.max(1, duration.toSeconds()) + "s",
                        "--latency",
                        "-s",
                        script.toString(),
                        uri.toString())
                .redirectErrorStream(true)
                .start();
        CpuClock cpu = CpuClock.of(process.toHandle());
        long started = System.nanoTime();
        Duration lastCpu = Duration.ZERO;
        while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
            lastCpu = cpu.used(); // the counters vanish with the process: keep the last reading
        }
        CpuUsage usage = new CpuUsage(lastCpu, Duration.ofNanos(System.nanoTime() - started), CpuUsage.machineCores());
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return parse(output, usage);
    }

    /**
     * Reads wrk's {@code --latency} report.
     *
     * @throws IllegalArgumentException when it has no {@code Requests/sec} line
     */
    public static Result parse(String output, CpuUsage cpu) {
        Matcher rps = RPS.matcher(output);
        if (!rps.find()) {
            throw new IllegalArgumentException("not a wrk report:\n" + output);
        }
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(output);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET.matcher(output);
        if (socket.find()) {
            for (int i = 1; i <= 4; i++) {
                errors += Long.parseLong(socket.group(i));
            }
        }
        double p50 = percentile(output, "50%").orElse(0);
        double p99 = percentile(output, "99%").orElse(0);
        return new Result(
                Double.parseDouble(rps.group(1)), new LatencySummary(0, (long) p50, (long) p99, 0), errors, cpu);
    }

    /** A latency-distribution line such as {@code "     99%   12.34ms"}, in nanoseconds. */
    private static OptionalDouble percentile(String output, String label) {
        Matcher line = Pattern.compile(
                        "^\\s*" + Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s|m)\\s*$", Pattern.MULTILINE)
                .matcher(output);
        if (!line.find()) {
            return OptionalDouble.empty();
        }
        double value = Double.parseDouble(line.group(1));
        double scale = switch (line.group(2).toLowerCase(Locale.ROOT)) {
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            default -> 60e9;
        };
        return OptionalDouble.of(value * scale);
    }
}
