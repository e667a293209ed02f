package io.haderos.shipping.adapter.rest;

import io.haderos.shipping.application.port.in.HeldOrdersPage;
import io.haderos.shipping.domain.model.Attempt;
import io.haderos.shipping.domain.model.ClientId;
import io.haderos.shipping.domain.model.ShipmentRecord;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A page of held orders, oldest first: {@code {"orders":[{"order_id","client","status","held_since","created_at",
 * "provider","attempts":[…]}],"next"}}. {@code provider} is the carrier whose outcome is unknown (the last one asked),
 * null for a claim abandoned before its attempts were recorded; {@code client} is null for an order stored before
 * clients were recorded. {@code next} is the {@code after} of the next page, null on the last.
 */
record HeldOrdersResponse(List<HeldOrder> orders, String next) {

    record HeldOrder(
            String orderId,
            String client,
            String status,
            Instant heldSince,
            Instant createdAt,
            String provider,
            List<AttemptResponse> attempts) {

        static HeldOrder from(ShipmentRecord record) {
            List<Attempt> attempts = record.attempts();
            return new HeldOrder(
                    record.orderId().value(),
                    record.client().map(ClientId::value).orElse(null),
                    record.status().name().toLowerCase(Locale.ROOT),
                    record.heldSince(),
                    record.createdAt(),
                    attempts.isEmpty()
                            ? null
                            : attempts.get(attempts.size() - 1).carrier().value(),
                    AttemptResponse.from(attempts));
        }
    }

    static HeldOrdersResponse from(HeldOrdersPage page) {
        return new HeldOrdersResponse(
                page.orders().stream().map(HeldOrder::from).toList(),
                page.next().map(HeldOrderCursors::encode).orElse(null));
    }
}
