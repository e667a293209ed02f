package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.model.Attempt;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.RateQuote;
import java.util.List;

/**
 * The quotes of the carrier that served, and how it came to serve.
 *
 * @param provider the carrier that served
 * @param fallback whether it was not the first carrier in order
 * @param attempts every carrier asked, in order, with its outcome
 */
public record RateQuotation(CarrierId provider, boolean fallback, List<RateQuote> rates, List<Attempt> attempts) {

    public RateQuotation {
        rates = List.copyOf(rates);
        attempts = List.copyOf(attempts);
    }
}
