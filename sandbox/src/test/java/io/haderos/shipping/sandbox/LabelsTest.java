package io.haderos.shipping.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void givenAwb_whenPdfMade_thenCrossReferenceTablePointsAtEveryObject() {
        String pdf = new String(Labels.pdf("SMSA", "231200000002"), StandardCharsets.US_ASCII);

        int startxref = Integer.parseInt(pdf.substring(pdf.indexOf("startxref\n") + 10, pdf.indexOf("\n%%EOF")));
        assertThat(pdf.substring(startxref)).startsWith("xref\n0 6\n");
        String[] entries = pdf.substring(startxref).split("\n");
        for (int object = 1; object <= 5; object++) {
            int offset = Integer.parseInt(entries[2 + object].substring(0, 10));
            assertThat(pdf.substring(offset)).startsWith(object + " 0 obj");
        }
        assertThat(pdf).contains("(SMSA sandbox label 231200000002)");
    }
}
