package io.haderos.shipping.domain.model;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * One printable shipping label: its bytes, or where the carrier lets them be fetched, or both.
 *
 * <p>A carrier that issues one label per parcel (SMSA) gives one {@code Label} per parcel, numbered from 1; a carrier
 * that issues one document for the whole shipment (Aramex: one page per piece) gives one label numbered 1.
 *
 * @param parcel  which parcel this label is for, from 1
 * @param format  how the bytes are encoded
 * @param content the label's bytes once known; never longer than {@link #MAX_BYTES}
 * @param source  where the carrier serves the label, when it gave a link
 */
public record Label(int parcel, LabelFormat format, Optional<byte[]> content, Optional<URI> source) {

    /** The largest label the gateway keeps: 5 MB. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    public Label {
        if (parcel < 1 || parcel > ShipmentRequest.MAX_PARCELS) {
            throw new InvalidValueException("parcel", "must be between 1 and " + ShipmentRequest.MAX_PARCELS);
        }
        Checks.required(format, "format");
        content = Checks.required(content, "content").map(byte[]::clone);
        Checks.required(source, "source");
        if (content.isEmpty() && source.isEmpty()) {
            throw new InvalidValueException("content", "a label needs its bytes or a link to them");
        }
    }

    /** A label whose bytes are known. */
    public static Label of(int parcel, LabelFormat format, byte[] content) {
        return new Label(parcel, format, Optional.of(content), Optional.empty());
    }

    /** A label the carrier serves at {@code source}, its bytes not fetched yet. */
    public static Label at(int parcel, LabelFormat format, URI source) {
        return new Label(parcel, format, Optional.empty(), Optional.of(source));
    }

    /** The bytes, a copy; empty until fetched. */
    @Override
    public Optional<byte[]> content() {
        return content.map(byte[]::clone);
    }

    /** Whether the bytes are known. */
    public boolean isFetched() {
        return content.isPresent();
    }

    /** The same label with its bytes. */
    public Label withContent(byte[] bytes) {
        return new Label(parcel, format, Optional.of(bytes), source);
    }

    /**
     * Why these bytes cannot be this label, if they cannot: empty, larger than {@link #MAX_BYTES}, a PDF that does not
     * start with {@code %PDF-}, ZPL without a {@code ^XA … ^XZ} format. A label with a defect is never stored.
     *
     * @return the reason, for a log line; empty when the bytes look like a label of this format, or are not known yet
     */
    public Optional<String> defect() {
        if (content.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = content.get();
        if (bytes.length == 0) {
            return Optional.of("the " + format.wireName() + " label of parcel " + parcel + " is empty");
        }
        if (bytes.length > MAX_BYTES) {
            return Optional.of("the " + format.wireName() + " label of parcel " + parcel + " has " + bytes.length
                    + " bytes, more than the " + MAX_BYTES + " kept");
        }
        if (!format.matches(bytes)) {
            return Optional.of("the " + format.wireName() + " label of parcel " + parcel + " is not "
                    + (format == LabelFormat.PDF ? "a PDF (no %PDF- at its start)" : "ZPL (no ^XA … ^XZ format)"));
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Label that
                && parcel == that.parcel
                && format == that.format
                && source.equals(that.source)
                && content.isPresent() == that.content.isPresent()
                && (content.isEmpty() || Arrays.equals(content.get(), that.content.get()));
    }

    @Override
    public int hashCode() {
        return 31 * (31 * parcel + format.hashCode())
                + source.hashCode()
                + content.map(Arrays::hashCode).orElse(0);
    }

    /** Never the bytes (their size) nor the link (it may be all that guards the label). */
    @Override
    public String toString() {
        return "Label[parcel=" + parcel + ", format=" + format.wireName() + ", bytes="
                + content.map(bytes -> String.valueOf(bytes.length)).orElse("not fetched") + ", link="
                + source.isPresent() + "]";
    }
}
