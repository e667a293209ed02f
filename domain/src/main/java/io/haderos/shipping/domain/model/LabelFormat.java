package io.haderos.shipping.domain.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a shipping label is encoded: a PDF document or ZPL II for thermal printers. */
public enum LabelFormat {
    /** A PDF document; the default, and the only format Aramex's JSON API gives. */
    PDF,
    /** ZPL II commands, one {@code ^XA … ^XZ} format per label, for thermal printers (SMSA offers it). */
    ZPL;

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    /**
     * Whether {@code bytes} look like this format: a PDF starts with {@code %PDF-}; ZPL holds a {@code ^XA} followed,
     * later, by a {@code ^XZ}.
     */
    public boolean matches(byte[] bytes) {
        if (this == PDF) {
            return bytes.length >= PDF_MAGIC.length && Arrays.equals(Arrays.copyOf(bytes, PDF_MAGIC.length), PDF_MAGIC);
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int start = text.indexOf("^XA");
        return start >= 0 && text.indexOf("^XZ", start + 3) > start;
    }

    /** The format {@code bytes} are in, by {@link #matches}; empty when neither. */
    public static Optional<LabelFormat> recognise(byte[] bytes) {
        return Arrays.stream(values()).filter(format -> format.matches(bytes)).findFirst();
    }

    /** The lower-case name used on the wire and in the REST contract: {@code pdf}, {@code zpl}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format named {@code name}, ignoring case.
     *
     * @throws InvalidValueException naming {@code field} when {@code name} is neither {@code pdf} nor {@code zpl}
     */
    public static LabelFormat of(String name, String field) {
        if (name != null) {
            for (LabelFormat format : values()) {
                if (format.wireName().equalsIgnoreCase(name.strip())) {
                    return format;
                }
            }
        }
        throw new InvalidValueException(field, "must be pdf or zpl");
    }
}
