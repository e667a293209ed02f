package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.model.RateRequest;
import java.util.concurrent.CompletionStage;

/** Prices a shipment with the first carrier that can, in the configured order. */
public interface QuoteRatesUseCase {

    /**
     * Completes with the quotation, or fails with {@link RequestRejectedException} (a carrier rejected the request's
     * content) or {@link NoCarrierAvailableException} (no carrier could serve). Never blocks the calling thread.
     */
    CompletionStage<RateQuotation> quoteRates(RateRequest request);
}
