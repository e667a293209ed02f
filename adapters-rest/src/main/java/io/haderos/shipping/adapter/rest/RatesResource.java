package io.haderos.shipping.adapter.rest;

import io.haderos.shipping.application.port.in.QuoteRatesUseCase;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /api/v1/integrations/shipping/rates}: prices a shipment, falling back across carriers. Completes
 * asynchronously: the request thread is free while the carriers answer.
 */
@Singleton
@Path("/api/v1/integrations/shipping/rates")
public final class RatesResource {

    private final QuoteRatesUseCase quoteRates;

    @Inject
    public RatesResource(QuoteRatesUseCase quoteRates) {
        this.quoteRates = quoteRates;
    }

    @POST
    @ChangesNothing
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<RateQuotationResponse> quote(RateQuoteRequest body) {
        RateQuoteRequest request = RequestBodies.required(body);
        return quoteRates.quoteRates(request.toDomain()).thenApply(RateQuotationResponse::from);
    }
}
