/**
 * Aramex's JSON API (rates, shipment creation, tracking) as a reusable, breaker-guarded
 * {@link io.haderos.shipping.domain.port.out.ShippingCarrier}.
 *
 * <p>The public surface is {@link io.haderos.shipping.adapter.aramex.AramexConfig} (built with its builder) and
 * {@link io.haderos.shipping.adapter.aramex.AramexShippingCarrier}; the client, the HTTP transport, the failure
 * classifier, the JSON mapper, the wire records and the WCF date codec are package-private.
 */
package io.haderos.shipping.adapter.aramex;
