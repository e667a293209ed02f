package io.haderos.shipping.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads labels the way a viewer or a printer would, failing on anything malformed. */
final class LabelAssertions {

    private static final Pattern FORMAT = Pattern.compile("\\^XA.*?\\^XZ", Pattern.DOTALL);
    private static final Pattern COMMAND = Pattern.compile("[A-Z0-9@]{2}.*", Pattern.DOTALL);
    private static final Pattern SCALABLE_FONT = Pattern.compile("A0[NRIB],\\d+,\\d+");
    private static final Pattern CODE_128 = Pattern.compile("BC[NRIB],\\d+,[YN],[YN],[YN](,[NUAD])?");
    private static final Pattern ORIGIN = Pattern.compile("FO\\d+,\\d+");

    private LabelAssertions() {}

    /** The text of each page of a PDF, as PDFBox extracts it. */
    static List<String> pdfPages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
            return pages;
        }
    }

    /** One ZPL field: the commands from {@code ^FO} to {@code ^FS}, and its {@code ^FD} data. */
    record Field(List<String> commands, String data) {
        boolean has(Pattern pattern) {
            return commands.stream()
                    .anyMatch(command -> pattern.matcher(command).matches());
        }
    }

    /**
     * Splits ZPL II into its {@code ^XA … ^XZ} formats, asserting that nothing stands outside them
     * and that each format is well-formed (see {@link #fields(String)}).
     */
    static List<String> zplFormats(String zpl) {
        List<String> formats = new ArrayList<>();
        Matcher matcher = FORMAT.matcher(zpl);
        int end = 0;
        while (matcher.find()) {
            assertThat(zpl.substring(end, matcher.start()))
                    .as("between formats")
                    .isBlank();
            formats.add(matcher.group());
            end = matcher.end();
        }
        assertThat(zpl.substring(end)).as("after the last format").isBlank();
        formats.forEach(LabelAssertions::fields);
        return formats;
    }

    /**
     * The fields of one format. Every command is {@code ^} and two characters; every field opens
     * with {@code ^FO x,y}, closes with {@code ^FS}, and holds a scalable font ({@code ^A0}) and
     * text, a Code 128 barcode ({@code ^BC}) and its data, or a box ({@code ^GB}).
     */
    static List<Field> fields(String format) {
        assertThat(format).startsWith("^XA").endsWith("^XZ").doesNotContain("~");
        List<String> commands = new ArrayList<>();
        for (String raw : format.substring(1).split("\\^")) {
            String command = raw.strip();
            assertThat(command).as("a ZPL command").matches(COMMAND);
            commands.add(command);
        }
        assertThat(commands.subList(1, commands.size() - 1)).noneMatch(c -> c.equals("XA") || c.equals("XZ"));
        List<Field> fields = new ArrayList<>();
        List<String> open = null;
        for (String command : commands.subList(1, commands.size() - 1)) {
            if (command.startsWith("FO")) {
                assertThat(open).as("^FO inside an open field").isNull();
                assertThat(command).matches(ORIGIN);
                open = new ArrayList<>();
            } else if (command.equals("FS")) {
                assertThat(open).as("^FS without ^FO").isNotNull();
                fields.add(field(open));
                open = null;
            } else if (open != null) {
                open.add(command);
            } else {
                assertThat(command).as("a command outside fields").matches("(PW|LL|LH|BY|CI)[0-9,]*");
            }
        }
        assertThat(open).as("a field left open").isNull();
        return fields;
    }

    /** The data of the one Code 128 barcode of a format. */
    static String barcodeData(String format) {
        List<Field> barcodes =
                fields(format).stream().filter(field -> field.has(CODE_128)).collect(Collectors.toList());
        assertThat(barcodes).hasSize(1);
        return barcodes.get(0).data();
    }

    /** The data of the text fields of a format, in order. */
    static List<String> textFields(String format) {
        return fields(format).stream()
                .filter(field -> field.has(SCALABLE_FONT))
                .map(Field::data)
                .collect(Collectors.toList());
    }

    private static Field field(List<String> commands) {
        List<String> data = commands.stream()
                .filter(c -> c.startsWith("FD"))
                .map(c -> c.substring(2))
                .collect(Collectors.toList());
        Field field = new Field(List.copyOf(commands), data.isEmpty() ? null : data.get(0));
        if (field.has(SCALABLE_FONT) || field.has(CODE_128)) {
            assertThat(data).as("one ^FD in " + commands).hasSize(1);
            assertThat(commands.get(commands.size() - 1))
                    .as("^FD last before ^FS")
                    .startsWith("FD");
        } else {
            assertThat(commands).as("a field that is neither text nor barcode").anyMatch(c -> c.startsWith("GB"));
            assertThat(data).isEmpty();
        }
        return field;
    }
}
