package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.model.ShipmentRecord;

/**
 * @param replayed whether the shipment already existed and was returned again, without asking a carrier
 */
public record ShipOrderResult(ShipmentRecord record, boolean replayed) {}
