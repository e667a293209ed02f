package io.haderos.shipping.application.service;

import io.haderos.shipping.application.port.in.ShipOrderCommand;
import io.haderos.shipping.domain.model.Address;
import io.haderos.shipping.domain.model.Dimensions;
import io.haderos.shipping.domain.model.LabelFormat;
import io.haderos.shipping.domain.model.Money;
import io.haderos.shipping.domain.model.Parcel;
import io.haderos.shipping.domain.model.Party;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Identifies what a ship request asks for, so that a repeat of the same request replays its shipment and a different
 * one for the same order is a conflict (docs/architecture.md, "Request fingerprint").
 *
 * <p><b>Version 2</b> (stored as {@code v2:<64 hex digits>}) is the SHA-256, over UTF-8, of a canonical text form of
 * the request's values: one {@code key=value} line per field, in a fixed order, keys spelled as in the REST contract
 * ({@link #canonicalForm}). Strings are taken as validated (trimmed), decimals without trailing zeros
 * ({@code 1.20} = {@code 1.2}), amounts with their currency, an absent shipper as {@code shipper=default}, an absent
 * cash-on-delivery as the zero amount the request stands for. Renaming a Java field changes nothing; adding a field
 * to the request means a version 3, never a change of version 2 — with one exception, made so that no order stored
 * before labels existed turns a retry into a conflict: a label format other than the default {@code pdf} adds a last
 * line {@code label_format=zpl}; the default (asked for or not) adds nothing, so the form of every earlier request
 * stays as it was.
 *
 * <p><b>Version 1</b> (stored without a prefix, by gateways before version 2) is the SHA-256 of what the command
 * record's {@code toString()} was then: its request fields, written out here so that later components of the command
 * (such as the client) leave it alone. It is still computed to compare a request with an order stored under it, so a
 * deploy never turns a client's retry into a conflict; a test pins it to a known value so the records it depends on
 * cannot change unnoticed.
 */
final class RequestFingerprint {

    static final String VERSION_2 = "v2:";

    private RequestFingerprint() {}

    /** The fingerprint new claims are stored with: version 2. */
    static String of(ShipOrderCommand command) {
        return VERSION_2 + sha256(canonicalForm(command));
    }

    /** Whether {@code command} asks for what the order stored with {@code stored} asked for, in that version. */
    static boolean matches(String stored, ShipOrderCommand command) {
        if (stored.startsWith(VERSION_2)) {
            return stored.equals(of(command));
        }
        // Version 1 predates labels: every request it stored asked for the default format.
        return command.labelFormat() == LabelFormat.PDF && stored.equals(version1(command));
    }

    /** Version 2's canonical text form of the request. */
    static String canonicalForm(ShipOrderCommand command) {
        StringBuilder text = new StringBuilder("fingerprint=2\n");
        command.shipper()
                .ifPresentOrElse(shipper -> party(text, "shipper", shipper), () -> line(text, "shipper", "default"));
        party(text, "consignee", command.consignee());
        List<Parcel> parcels = command.parcels();
        line(text, "parcels", String.valueOf(parcels.size()));
        for (int i = 0; i < parcels.size(); i++) {
            Parcel parcel = parcels.get(i);
            line(text, "parcels[" + i + "].weight_kg", decimal(parcel.weight().kilograms()));
            line(
                    text,
                    "parcels[" + i + "].dimensions_cm",
                    parcel.dimensions().map(RequestFingerprint::dimensions).orElse(""));
        }
        line(text, "description", command.description());
        line(text, "declared_value", money(command.declaredValue()));
        line(text, "cod", money(command.cashOnDelivery()));
        line(text, "service", command.service().orElse(""));
        if (command.labelFormat() != LabelFormat.PDF) {
            line(text, "label_format", command.labelFormat().wireName());
        }
        return text.toString();
    }

    /** Frozen: exactly what gateways before version 2 stored, the command's {@code toString()} of that time. */
    static String version1(ShipOrderCommand command) {
        return sha256("ShipOrderCommand[orderId=" + command.orderId()
                + ", shipper=" + command.shipper()
                + ", consignee=" + command.consignee()
                + ", parcels=" + command.parcels()
                + ", description=" + command.description()
                + ", declaredValue=" + command.declaredValue()
                + ", cashOnDelivery=" + command.cashOnDelivery()
                + ", service=" + command.service() + "]");
    }

    private static void party(StringBuilder text, String prefix, Party party) {
        line(text, prefix + ".name", party.name());
        line(text, prefix + ".company", party.company());
        line(text, prefix + ".phone", party.phone());
        line(text, prefix + ".email", party.email());
        Address address = party.address();
        line(text, prefix + ".address.country", address.country().value());
        line(text, prefix + ".address.city", address.city());
        line(text, prefix + ".address.line1", address.line1());
        line(text, prefix + ".address.line2", address.line2());
        line(text, prefix + ".address.postal_code", address.postalCode());
    }

    /** One line; a backslash or a line break inside a value is escaped, so no value can forge another line. */
    private static void line(StringBuilder text, String key, String value) {
        text.append(key)
                .append('=')
                .append(value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r"))
                .append('\n');
    }

    private static String money(Money money) {
        return decimal(money.amount()) + " " + money.currency().getCurrencyCode();
    }

    private static String dimensions(Dimensions dimensions) {
        return decimal(dimensions.lengthCm()) + "x" + decimal(dimensions.widthCm()) + "x"
                + decimal(dimensions.heightCm());
    }

    private static String decimal(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
