package io.haderos.shipping.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code docs/benchmarks.md}: an introduction, then one section per scenario between markers
 * {@code <!-- benchmark:NAME:start -->} and {@code <!-- benchmark:NAME:end -->}. Rewriting a section leaves every other
 * byte of the file as it was; a section not yet in the file is added at the end.
 */
public final class BenchmarkDoc {

    private final Path file;
    private final String introduction;

    /** @param introduction written when the file does not exist yet */
    public BenchmarkDoc(Path file, String introduction) {
        this.file = file;
        this.introduction = introduction;
    }

    /** The marker that opens section {@code name}. */
    public static String startMarker(String name) {
        return "<!-- benchmark:" + name + ":start -->";
    }

    /** The marker that closes section {@code name}. */
    public static String endMarker(String name) {
        return "<!-- benchmark:" + name + ":end -->";
    }

    /**
     * Writes {@code content} as section {@code name}, creating the file (with the introduction and an empty section
     * for each of {@code knownSections}) when it does not exist.
     */
    public void write(String name, String content, List<String> knownSections) throws IOException {
        String text;
        if (Files.exists(file)) {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } else {
            StringBuilder fresh = new StringBuilder(introduction.strip()).append("\n");
            for (String section : knownSections) {
                fresh.append('\n')
                        .append(startMarker(section))
                        .append('\n')
                        .append("## ")
                        .append(section)
                        .append("\n\nNot run yet.\n")
                        .append(endMarker(section))
                        .append('\n');
            }
            text = fresh.toString();
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, replaceSection(text, name, content), StandardCharsets.UTF_8);
    }

    /**
     * {@code document} with section {@code name} holding {@code content}; appended when the section is missing.
     *
     * @throws IllegalArgumentException when the section's start marker has no end marker after it
     */
    public static String replaceSection(String document, String name, String content) {
        String start = startMarker(name);
        String end = endMarker(name);
        String body = start + "\n" + content.strip() + "\n" + end;
        int from = document.indexOf(start);
        if (from < 0) {
            String separator =
                    document.isEmpty() || document.endsWith("\n\n") ? "" : document.endsWith("\n") ? "\n" : "\n\n";
            return document + separator + body + "\n";
        }
        int to = document.indexOf(end, from);
        if (to < 0) {
            throw new IllegalArgumentException("section '" + name + "' has no end marker " + end);
        }
        return document.substring(0, from) + body + document.substring(to + end.length());
    }
}
