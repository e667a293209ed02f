package io.haderos.shipping.adapter.rest;

import io.haderos.shipping.domain.model.Label;
import io.haderos.shipping.domain.model.LabelFormat;
import io.haderos.shipping.domain.model.OrderId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.multipdf.PDFMergerUtility;

/**
 * The labels served in one response: one label as it is; several PDFs merged into one document, a page after page in
 * parcel order; several ZPL labels one after the other (ZPL is a stream of {@code ^XA … ^XZ} formats).
 *
 * @param mediaType {@code application/pdf}, or {@code text/plain} for ZPL
 * @param fileName  {@code label-<order>.pdf}, {@code label-<order>-parcel-<n>.zpl} …
 * @param etag      a strong validator of the bytes (the first 128 bits of their SHA-256, in hex)
 */
record LabelDocument(byte[] bytes, String mediaType, String fileName, String etag) {

    static final String PDF = "application/pdf";
    static final String ZPL = "text/plain";

    /** {@code labels} (at least one, all of one format, with their bytes) as one document. */
    static LabelDocument of(OrderId orderId, List<Label> labels, String suffix) {
        LabelFormat format = labels.get(0).format();
        byte[] bytes = labels.size() == 1
                ? labels.get(0).content().orElseThrow()
                : format == LabelFormat.PDF ? mergedPdf(labels) : concatenated(labels);
        return new LabelDocument(
                bytes,
                format == LabelFormat.PDF ? PDF : ZPL,
                "label-" + orderId.value() + suffix + "." + format.wireName(),
                digest(bytes));
    }

    private static byte[] mergedPdf(List<Label> labels) {
        PDFMergerUtility merger = new PDFMergerUtility();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        merger.setDestinationStream(out);
        for (Label label : labels) {
            merger.addSource(new RandomAccessReadBuffer(label.content().orElseThrow()));
        }
        try {
            merger.mergeDocuments(IOUtils.createMemoryOnlyStreamCache());
        } catch (IOException e) {
            // Stored labels start with %PDF-, but a carrier's PDF may still be broken inside.
            throw new UncheckedIOException("the PDF labels could not be merged", e);
        }
        return out.toByteArray();
    }

    private static byte[] concatenated(List<Label> labels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Label label : labels) {
            byte[] bytes = label.content().orElseThrow();
            out.writeBytes(bytes);
            if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
