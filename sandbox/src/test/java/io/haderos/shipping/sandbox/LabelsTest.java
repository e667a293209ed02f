package io.haderos.shipping.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.sandbox.Labels.Label;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelsTest {

    private static final List<Label> THREE_PIECES =
            List.of(label("30100000001", 1, 3), label("30100000001", 2, 3), label("30100000001", 3, 3));

    @Test
    void givenThreePieces_whenPdfMade_thenAViewerOpensThreePagesEachShowingTheAwbAndItsPiece() throws Exception {
        byte[] pdf = Labels.pdf(THREE_PIECES);

        assertThat(LabelAssertions.pdfPages(pdf))
                .hasSize(3)
                .allSatisfy(page ->
                        assertThat(page).contains("Aramex", "30100000001", "Ref: ORD-100245", "To: Sara Ahmed"));
        assertThat(LabelAssertions.pdfPages(pdf).get(1)).contains("Piece 2 of 3");
    }

    @Test
    void givenPdf_whenCrossReferenceTableRead_thenItPointsAtEveryObject() {
        String pdf = new String(Labels.pdf(THREE_PIECES), StandardCharsets.ISO_8859_1);

        int startxref = Integer.parseInt(pdf.substring(pdf.indexOf("startxref\n") + 10, pdf.indexOf("\n%%EOF")));
        String table = pdf.substring(startxref);
        assertThat(table).startsWith("xref\n0 11\n");
        String[] entries = table.split("\n");
        for (int object = 1; object <= 10; object++) {
            int offset = Integer.parseInt(entries[2 + object].substring(0, 10));
            assertThat(pdf.substring(offset)).startsWith(object + " 0 obj\n");
        }
    }

    @Test
    void givenTextWithPdfSyntaxAndNonAscii_whenPdfMade_thenStillValidAndShownAsAscii() throws Exception {
        Label label = new Label(
                "SMSA Express",
                "231200000002",
                1,
                1,
                List.of("To: (Sara) \\ Ahmed", "City: Jiddah \u062c\u062f\u0629"));

        List<String> pages = LabelAssertions.pdfPages(Labels.pdf(List.of(label)));

        assertThat(pages)
                .singleElement()
                .satisfies(page -> assertThat(page).contains("To: (Sara) \\ Ahmed", "City: Jiddah ???"));
    }

    @Test
    void givenTwoParcels_whenZplMade_thenOneWellFormedFormatPerLabelWithABarcodeOfItsAwb() {
        String zpl = new String(
                Labels.zpl(List.of(label("231200000002", 1, 2), label("231200000003", 2, 2))),
                StandardCharsets.US_ASCII);

        List<String> formats = LabelAssertions.zplFormats(zpl);

        assertThat(formats).hasSize(2);
        assertThat(LabelAssertions.barcodeData(formats.get(0))).isEqualTo("231200000002");
        assertThat(LabelAssertions.barcodeData(formats.get(1))).isEqualTo("231200000003");
        assertThat(LabelAssertions.textFields(formats.get(1))).contains("AWB 231200000003", "Piece 2 of 2");
    }

    @Test
    void givenCaretsAndTildes_whenZplMade_thenFieldDataCannotStartACommand() {
        Label label = new Label("SMSA Express", "231200000002", 1, 1, List.of("Ref: ^XZ~JA"));

        String zpl = new String(Labels.zpl(List.of(label)), StandardCharsets.US_ASCII);

        assertThat(LabelAssertions.zplFormats(zpl))
                .singleElement()
                .satisfies(
                        format -> assertThat(LabelAssertions.textFields(format)).contains("Ref: ?XZ?JA"));
    }

    @Test
    void givenLongLine_whenPrinted_thenCutToFitTheLabel() throws Exception {
        Label label = new Label("Aramex", "30100000001", 1, 1, List.of("x".repeat(100)));

        String page = LabelAssertions.pdfPages(Labels.pdf(List.of(label))).get(0);

        assertThat(page).contains("x".repeat(Labels.MAX_LINE)).doesNotContain("x".repeat(Labels.MAX_LINE + 1));
    }

    private static Label label(String awb, int piece, int pieces) {
        return new Label(
                "Aramex", awb, piece, pieces, List.of("Ref: ORD-100245", "From: Riyadh, SA", "To: Sara Ahmed"));
    }
}
