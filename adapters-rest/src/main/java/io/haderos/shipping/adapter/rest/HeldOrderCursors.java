package io.haderos.shipping.adapter.rest;

import io.haderos.shipping.domain.model.HeldOrderCursor;
import io.haderos.shipping.domain.model.OrderId;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

/**
 * The {@code after} of the held-order list on the wire: an opaque token (base64url of the held-since instant and the
 * order id), so that callers page without building keys themselves and the key may change without breaking them.
 */
final class HeldOrderCursors {

    private static final char SEPARATOR = '|';

    private HeldOrderCursors() {}

    static String encode(HeldOrderCursor cursor) {
        String plain =
                cursor.since() + String.valueOf(SEPARATOR) + cursor.orderId().value();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidRequestException naming {@code after} when {@code token} is not one {@link #encode} wrote */
    static HeldOrderCursor decode(String token) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
            int split = plain.indexOf(SEPARATOR);
            if (split > 0 && OrderId.isWellFormed(plain.substring(split + 1))) {
                return new HeldOrderCursor(
                        Instant.parse(plain.substring(0, split)), OrderId.of(plain.substring(split + 1)));
            }
        } catch (IllegalArgumentException | DateTimeException e) {
            // refused below
        }
        throw new InvalidRequestException("after", "must be the \"next\" of an earlier page of this list");
    }
}
