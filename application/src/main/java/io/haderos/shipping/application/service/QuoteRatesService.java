package io.haderos.shipping.application.service;

import io.haderos.shipping.application.port.in.NoCarrierAvailableException;
import io.haderos.shipping.application.port.in.QuoteRatesUseCase;
import io.haderos.shipping.application.port.in.RateQuotation;
import io.haderos.shipping.application.port.in.RequestRejectedException;
import io.haderos.shipping.application.port.out.CarrierCallObserver;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.RateQuote;
import io.haderos.shipping.domain.model.RateRequest;
import io.haderos.shipping.domain.policy.CarrierOperation;
import io.haderos.shipping.domain.policy.FallbackPolicy;
import io.haderos.shipping.domain.policy.HedgeDelay;
import io.haderos.shipping.domain.port.out.ShippingCarrier;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Quotes rates with the first carrier that can (see {@link FallbackPolicy}); a carrier that has not answered within
 * its {@link HedgeDelay} is raced by the next one, and the first usable quote answers.
 */
public final class QuoteRatesService implements QuoteRatesUseCase {

    private final CarrierChain chain;
    private final CarrierChain.Hedging hedging;

    /**
     * @param carriers    in the order they are tried
     * @param observer    sees every carrier call, fallback and hedge
     * @param hedgeDelays each carrier's hedge delay; a carrier without one is never raced
     * @param scheduler   runs the hedge timers; its tasks only start carrier calls
     */
    public QuoteRatesService(
            List<ShippingCarrier> carriers,
            FallbackPolicy policy,
            CarrierCallObserver observer,
            Map<CarrierId, HedgeDelay> hedgeDelays,
            ScheduledExecutorService scheduler) {
        this.chain = new CarrierChain(carriers, policy, observer);
        this.hedging = new CarrierChain.Hedging(hedgeDelays, scheduler);
    }

    @Override
    public CompletionStage<RateQuotation> quoteRates(RateRequest request) {
        return chain.boundToCaller()
                .<List<RateQuote>>run(
                        CarrierOperation.QUOTE_RATES, carrier -> carrier.quoteRatesAsync(request), hedging)
                .thenApply(QuoteRatesService::quotation);
    }

    private static RateQuotation quotation(CarrierChain.Outcome<List<RateQuote>> outcome) {
        return outcome.match(
                served -> new RateQuotation(served.carrier(), served.fallback(), served.value(), served.attempts()),
                rejected -> {
                    throw new RequestRejectedException(rejected.rejection(), rejected.attempts());
                },
                unknown -> {
                    throw new IllegalStateException("a quote cannot have an unknown outcome: " + unknown);
                },
                exhausted -> {
                    throw new NoCarrierAvailableException(exhausted.attempts(), exhausted.retryAfter());
                });
    }
}
