package io.haderos.shipping.adapter.rest;

import io.haderos.shipping.application.port.in.RateQuotation;
import io.haderos.shipping.domain.model.RateQuote;
import java.util.List;

/**
 * {@code {"provider":"aramex","fallback":false,"rates":[…],"attempts":[…]}}. Amounts are decimal strings
 * with the currency's decimals: {@code "187.45"}.
 */
record RateQuotationResponse(String provider, boolean fallback, List<Rate> rates, List<AttemptResponse> attempts) {

    static RateQuotationResponse from(RateQuotation quotation) {
        return new RateQuotationResponse(
                quotation.provider().value(),
                quotation.fallback(),
                quotation.rates().stream().map(Rate::from).toList(),
                AttemptResponse.from(quotation.attempts()));
    }

    /** {@code {"provider":"aramex","service":"PPX","amount":"187.45","currency":"SAR"}}. */
    record Rate(String provider, String service, String amount, String currency) {

        static Rate from(RateQuote quote) {
            return new Rate(
                    quote.carrier().value(),
                    quote.service(),
                    quote.price().formattedAmount(),
                    quote.price().currency().getCurrencyCode());
        }
    }
}
