package io.haderos.shipping.application.service;

import io.haderos.shipping.application.port.in.NoCarrierAvailableException;
import io.haderos.shipping.application.port.in.QuoteRatesUseCase;
import io.haderos.shipping.application.port.in.RateQuotation;
import io.haderos.shipping.application.port.in.RequestRejectedException;
import io.haderos.shipping.domain.model.RateQuote;
import io.haderos.shipping.domain.model.RateRequest;
import io.haderos.shipping.domain.policy.CarrierOperation;
import io.haderos.shipping.domain.policy.FallbackPolicy;
import io.haderos.shipping.domain.port.out.CarrierCallObserver;
import io.haderos.shipping.domain.port.out.ShippingCarrier;
import java.util.List;

/** Quotes rates with the first carrier that can; see {@link FallbackPolicy}. */
public final class QuoteRatesService implements QuoteRatesUseCase {

    private final CarrierChain chain;

    /** @param carriers in the order they are tried */
    public QuoteRatesService(List<ShippingCarrier> carriers, FallbackPolicy policy) {
        this(carriers, policy, CarrierCallObserver.none());
    }

    /**
     * @param carriers in the order they are tried
     * @param observer sees every carrier call and every fallback
     */
    public QuoteRatesService(List<ShippingCarrier> carriers, FallbackPolicy policy, CarrierCallObserver observer) {
        this.chain = new CarrierChain(carriers, policy, observer);
    }

    @Override
    public RateQuotation quoteRates(RateRequest request) {
        CarrierChain.Outcome<List<RateQuote>> outcome =
                chain.run(CarrierOperation.QUOTE_RATES, carrier -> carrier.quoteRates(request));
        if (outcome instanceof CarrierChain.Served<List<RateQuote>> served) {
            return new RateQuotation(served.carrier(), served.fallback(), served.value(), served.attempts());
        }
        if (outcome instanceof CarrierChain.Rejected<List<RateQuote>> rejected) {
            throw new RequestRejectedException(rejected.rejection(), rejected.attempts());
        }
        if (outcome instanceof CarrierChain.Exhausted<List<RateQuote>> exhausted) {
            throw new NoCarrierAvailableException(exhausted.attempts(), exhausted.retryAfter());
        }
        throw new IllegalStateException("a quote cannot have an unknown outcome: " + outcome);
    }
}
