package io.haderos.shipping.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkDocTest {

    private static final String DOC = "# Benchmarks\n\nintro\n\n"
            + "<!-- benchmark:hang:start -->\nold hang\n<!-- benchmark:hang:end -->\n\n"
            + "<!-- benchmark:load:start -->\nold load\n<!-- benchmark:load:end -->\n\ntrailing words\n";

    @Test
    void givenTheSection_whenReplaced_thenEveryOtherByteStays() {
        String result = BenchmarkDoc.replaceSection(DOC, "hang", "## Hang\n\nnew table\n");

        assertThat(result)
                .isEqualTo(DOC.replace("old hang", "## Hang\n\nnew table"))
                .contains("old load")
                .endsWith("trailing words\n");
    }

    @Test
    void givenNoSuchSection_whenWritten_thenAppendedAtTheEnd() {
        String result = BenchmarkDoc.replaceSection(DOC, "jmh", "## JMH");

        assertThat(result)
                .startsWith(DOC)
                .endsWith("<!-- benchmark:jmh:start -->\n## JMH\n<!-- benchmark:jmh:end -->\n");
    }

    @Test
    void givenAStartMarkerWithoutEnd_thenRefused() {
        assertThatThrownBy(() -> BenchmarkDoc.replaceSection("<!-- benchmark:hang:start -->\n", "hang", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no end marker");
    }

    @Test
    void givenNoFile_whenWritten_thenIntroductionAndAPlaceholderPerSection(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("docs/benchmarks.md");
        BenchmarkDoc doc = new BenchmarkDoc(file, "# Benchmarks\n\nHow to run.\n");

        doc.write("load", "## Load\n\nfigures", List.of("hang", "load"));
        doc.write("hang", "## Hang\n\nfigures", List.of("hang", "load"));

        String text = Files.readString(file);
        assertThat(text).startsWith("# Benchmarks\n\nHow to run.\n");
        assertThat(text.indexOf("## Hang")).isLessThan(text.indexOf("## Load"));
        assertThat(text).doesNotContain("Not run yet");
    }
}
