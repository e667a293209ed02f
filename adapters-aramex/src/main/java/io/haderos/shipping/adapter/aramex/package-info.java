/**
 * The Aramex JSON API (CARRIERS.md §1–§2) as a reusable, breaker-guarded
 * {@link io.haderos.shipping.domain.port.out.ShippingCarrier}.
 *
 * <p>The public surface is {@link io.haderos.shipping.adapter.aramex.AramexConfig} (built with its builder) and
 * {@link io.haderos.shipping.adapter.aramex.AramexShippingCarrier}; the wire records, the HTTP client, the
 * reply classifier and the WCF date codec are package-private.
 */
package io.haderos.shipping.adapter.aramex;
