package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.model.RateRequest;

/** Prices a shipment with the first carrier that can, in the configured order. */
public interface QuoteRatesUseCase {

    /**
     * @throws RequestRejectedException   a carrier rejected the request's content
     * @throws NoCarrierAvailableException no carrier could serve
     */
    RateQuotation quoteRates(RateRequest request);
}
