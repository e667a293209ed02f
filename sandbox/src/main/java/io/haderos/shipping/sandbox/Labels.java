package io.haderos.shipping.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Shipping labels as the stand-ins hand them out: PDF (one 4×6 in page per label) and ZPL II (one
 * {@code ^XA … ^XZ} format per label, 203 dpi). Both show the carrier, the waybill number, the
 * piece count and the caller's detail lines; the ZPL label also carries the waybill number as a
 * Code 128 barcode ({@code ^BC}). Text is printed in ASCII: other characters become {@code ?}.
 */
final class Labels {

    /** Longest detail line printed; longer ones are cut. */
    static final int MAX_LINE = 44;

    private static final int PAGE_WIDTH = 288; // 4 in at 72 pt/in
    private static final int PAGE_HEIGHT = 432; // 6 in

    private Labels() {}

    /**
     * What one label shows.
     *
     * @param carrier the carrier's name, printed as the heading
     * @param awb     the waybill number of this label
     * @param piece   which piece this is, from 1
     * @param pieces  how many pieces the shipment has
     * @param lines   detail lines (references, addresses), printed in order
     */
    record Label(String carrier, String awb, int piece, int pieces, List<String> lines) {
        Label {
            Objects.requireNonNull(carrier, "carrier");
            Objects.requireNonNull(awb, "awb");
            if (piece < 1 || piece > pieces) {
                throw new IllegalArgumentException("piece " + piece + " of " + pieces);
            }
            lines = List.copyOf(lines);
        }
    }

    /** One PDF 1.4 document with one page per label, in order. */
    static byte[] pdf(List<Label> labels) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("a PDF needs at least one label");
        }
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < labels.size(); i++) {
            kids.append(i == 0 ? "" : " ").append(5 + 2 * i).append(" 0 R");
        }
        objects.add("<< /Type /Pages /Kids [" + kids + "] /Count " + labels.size() + " >>");
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
        for (int i = 0; i < labels.size(); i++) {
            String content = pageContent(labels.get(i));
            objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + PAGE_WIDTH + " " + PAGE_HEIGHT + "]"
                    + " /Contents " + (6 + 2 * i) + " 0 R /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>");
            objects.add("<< /Length " + content.length() + " >>\nstream\n" + content + "endstream");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n");
        out.writeBytes(new byte[] {'%', (byte) 0xE2, (byte) 0xE3, (byte) 0xCF, (byte) 0xD3, '\n'});
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        table.append("trailer\n<< /Size ")
                .append(objects.size() + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        write(out, table.toString());
        return out.toByteArray();
    }

    /** ZPL II for a 4×6 in label at 203 dpi: one {@code ^XA … ^XZ} format per label, in order. */
    static byte[] zpl(List<Label> labels) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("ZPL needs at least one label");
        }
        StringBuilder zpl = new StringBuilder();
        for (Label label : labels) {
            zpl.append("^XA\n^PW812\n^LL1218\n^LH0,0\n");
            zpl.append("^FO30,30^GB752,1158,4^FS\n");
            text(zpl, 60, 60, 60, label.carrier());
            text(zpl, 60, 135, 24, "SANDBOX LABEL - NOT A REAL SHIPMENT");
            text(zpl, 60, 190, 40, "AWB " + label.awb());
            zpl.append("^FO60,250^BY3^BCN,200,Y,N,N^FD")
                    .append(zplText(label.awb()))
                    .append("^FS\n");
            text(zpl, 60, 520, 40, pieceLine(label));
            int y = 590;
            for (String line : label.lines()) {
                text(zpl, 60, y, 30, line);
                y += 45;
            }
            zpl.append("^XZ\n");
        }
        return zpl.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String pageContent(Label label) {
        StringBuilder page = new StringBuilder();
        page.append("1 w 12 12 264 408 re S\n");
        page.append("0.5 w 12 324 m 276 324 l S\n");
        pdfText(page, "F2", 22, 24, 396, label.carrier());
        pdfText(page, "F1", 7, 24, 382, "SANDBOX LABEL - NOT A REAL SHIPMENT");
        pdfText(page, "F1", 9, 24, 352, "AWB");
        pdfText(page, "F2", 20, 24, 336, label.awb());
        pdfText(page, "F2", 14, 24, 302, pieceLine(label));
        int y = 278;
        for (String line : label.lines()) {
            pdfText(page, "F1", 10, 24, y, line);
            y -= 16;
        }
        return page.toString();
    }

    private static String pieceLine(Label label) {
        return "Piece " + label.piece() + " of " + label.pieces();
    }

    private static void pdfText(StringBuilder page, String font, int size, int x, int y, String text) {
        page.append("BT /")
                .append(font)
                .append(' ')
                .append(size)
                .append(" Tf ")
                .append(x)
                .append(' ')
                .append(y)
                .append(" Td (")
                .append(escapePdf(ascii(text)))
                .append(") Tj ET\n");
    }

    private static void text(StringBuilder zpl, int x, int y, int height, String text) {
        zpl.append("^FO")
                .append(x)
                .append(',')
                .append(y)
                .append("^A0N,")
                .append(height)
                .append(',')
                .append(height)
                .append("^FD")
                .append(zplText(text))
                .append("^FS\n");
    }

    /** Printable ASCII, cut to {@link #MAX_LINE}; anything else becomes {@code ?}. */
    private static String ascii(String text) {
        String printable = (text == null ? "" : text).replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() > MAX_LINE ? printable.substring(0, MAX_LINE) : printable;
    }

    /** Field data may not hold ZPL's command prefixes {@code ^} and {@code ~}. */
    private static String zplText(String text) {
        return ascii(text).replace('^', '?').replace('~', '?');
    }

    private static String escapePdf(String text) {
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }
}
