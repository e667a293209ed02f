package io.haderos.shipping.adapter.smsa;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.CountryCode;
import io.haderos.shipping.domain.model.Money;
import io.haderos.shipping.domain.model.RateQuote;
import io.haderos.shipping.domain.port.out.CarrierRejectedException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rate quotes, from the tariff (SMSA offers merchants no rate operation): what the breaker makes of them. */
class SmsaRatesIT extends SmsaFixture {

    @Test
    void givenARouteTheTariffPrices_whenQuoting_thenItsQuoteWithoutAnyRequestAndNothingCounted() {
        List<RateQuote> quotes = carrier.quoteRates(rate(SA, "Riyadh", SA, "Jeddah", "1"));

        assertThat(quotes).containsExactly(new RateQuote(CarrierId.SMSA, "EDDL", Money.of("23.00", "SAR")));
        SMSA.verify(0, anyRequestedFor(anyUrl()));
        assertBreaker(CircuitState.CLOSED, 0, 0);
    }

    @Test
    void givenAQuoteTheTariffCannotPrice_whenQuoting_thenRejectedAndNothingCounted() {
        CarrierRejectedException rejected = thrown(
                CarrierRejectedException.class,
                () -> carrier.quoteRates(rate(SA, "Riyadh", CountryCode.of("US"), "New York", "1")));

        assertThat(rejected.getMessage()).contains("US/New York");
        assertBreaker(CircuitState.CLOSED, 0, 0);
    }
}
