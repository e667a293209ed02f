/**
 * SMSA Express's eCom REST API as a reusable, breaker-guarded
 * {@link io.haderos.shipping.domain.port.out.ShippingCarrier}: shipments and tracking over the API, rate quotes from
 * a local tariff (SMSA offers merchants no rate operation).
 *
 * <p>The public surface is {@link io.haderos.shipping.adapter.smsa.SmsaConfig} (built with its builder) and
 * {@link io.haderos.shipping.adapter.smsa.SmsaShippingCarrier}; the client, the HTTP transport, the failure
 * classifier, the JSON mapper, the wire records and the tariff are package-private.
 */
package io.haderos.shipping.adapter.smsa;
