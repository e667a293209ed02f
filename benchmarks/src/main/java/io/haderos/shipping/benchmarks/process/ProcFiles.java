package io.haderos.shipping.benchmarks.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** What Linux's {@code /proc} says about a process and the machine; empty elsewhere. */
public final class ProcFiles {

    private ProcFiles() {}

    /** {@code VmRSS} of {@code /proc/<pid>/status}, in bytes. */
    public static OptionalLong rssBytes(long pid) {
        return statusField(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:");
    }

    /** {@code MemTotal} of {@code /proc/meminfo}, in bytes. */
    public static OptionalLong memTotalBytes() {
        return statusField(Path.of("/proc/meminfo"), "MemTotal:");
    }

    /** The first {@code model name} of {@code /proc/cpuinfo}. */
    public static Optional<String> cpuModel() {
        return lines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).strip())
                .findFirst();
    }

    /** {@code PRETTY_NAME} of {@code /etc/os-release}. */
    public static Optional<String> osPrettyName() {
        return lines(Path.of("/etc/os-release")).stream()
                .filter(line -> line.startsWith("PRETTY_NAME="))
                .map(line -> line.substring("PRETTY_NAME=".length())
                        .replace("\"", "")
                        .strip())
                .findFirst();
    }

    /** A {@code Name:   123 kB} field, in bytes. */
    static OptionalLong statusField(Path file, String field) {
        for (String line : lines(file)) {
            if (line.startsWith(field)) {
                String[] parts = line.substring(field.length()).strip().split("\\s+");
                try {
                    long value = Long.parseLong(parts[0]);
                    boolean kilobytes = parts.length > 1
                            && parts[1].toLowerCase(Locale.ROOT).equals("kb");
                    return OptionalLong.of(kilobytes ? value * 1024 : value);
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
