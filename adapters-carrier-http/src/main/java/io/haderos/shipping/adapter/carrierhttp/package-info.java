/**
 * The HTTP plumbing both carrier libraries share and neither owns: the exchange with its deadline
 * ({@link io.haderos.shipping.adapter.carrierhttp.CarrierExchange}), the statuses every carrier means alike
 * ({@link io.haderos.shipping.adapter.carrierhttp.CarrierStatuses}), the checks of a carrier's base URL
 * ({@link io.haderos.shipping.adapter.carrierhttp.CarrierUrls}), the wiring of its breaker and threads
 * ({@link io.haderos.shipping.adapter.carrierhttp.CarrierWiring}), what an I/O failure says about the request
 * ({@link io.haderos.shipping.adapter.carrierhttp.ExchangeFailure}) and the calls every carrier checks and passes
 * through its breaker alike ({@link io.haderos.shipping.adapter.carrierhttp.BreakerGuardedCarrier}). It knows no
 * carrier: each carrier's messages, and what its own replies and error codes mean, stay in its own module.
 */
package io.haderos.shipping.adapter.carrierhttp;
