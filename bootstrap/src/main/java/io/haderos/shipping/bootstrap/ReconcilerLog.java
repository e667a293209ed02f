package io.haderos.shipping.bootstrap;

import io.haderos.shipping.application.port.out.ReconcilerObserver;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.ShipmentRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconciler's log: one INFO line per order it resolved (as an operator's resolution would be noticed), a WARN
 * line when a carrier holds several shipments under one order's reference; the rest, repeated every pass, at DEBUG.
 */
final class ReconcilerLog implements ReconcilerObserver {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcilerLog.class);

    @Override
    public void resolved(ShipmentRecord record) {
        record.shipment()
                .ifPresent(found -> LOG.info(
                        "held order {} resolved created by the reconciler: found at {} by reference as {}",
                        record.orderId(),
                        found.carrier(),
                        found.trackingNumber()));
    }

    @Override
    public void notFound(OrderId orderId) {
        LOG.debug("held order {}: no carrier asked knows its reference; it stays held for an operator", orderId);
    }

    @Override
    public void ambiguous(OrderId orderId, CarrierId carrier, int shipments) {
        LOG.warn(
                "held order {} stays held: {} holds {} shipments under the reference: a person must choose",
                orderId,
                carrier,
                shipments);
    }

    @Override
    public void stillHeld(OrderId orderId, CarrierId carrier, String why) {
        LOG.debug("held order {} stays held: {} {}", orderId, carrier, why);
    }
}
