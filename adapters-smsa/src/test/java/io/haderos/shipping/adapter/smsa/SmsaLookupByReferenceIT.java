package io.haderos.shipping.adapter.smsa;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Looking a shipment up by the merchant's reference (our order id): {@code GET /api/track/reference/{reference}}. */
class SmsaLookupByReferenceIT extends SmsaFixture {

    private static final String BY_REFERENCE = "/api/track/reference/";
    private static final OrderId ORDER = OrderId.of("ORD-100245");

    @Test
    void givenAShipmentUnderTheReference_whenLookedUp_thenItsAwbIsFound() {
        SMSA.stubFor(get(urlEqualTo(BY_REFERENCE + "ORD-100245"))
                .withHeader("apikey", equalTo(API_KEY))
                .willReturn(okJson("[" + TRACKING + "]")));

        List<CreatedShipment> found = carrier.findByReference(ORDER);

        assertThat(found).containsExactly(new CreatedShipment(CarrierId.SMSA, "231200000001", List.of()));
        SMSA.verify(1, getRequestedFor(urlEqualTo(BY_REFERENCE + "ORD-100245")));
        assertBreaker(CircuitState.CLOSED, 0, 1);
    }

    @Test
    void givenAnEmptyArrayOr404_whenLookedUp_thenNothingIsFoundAndNothingCountedAsAFault() {
        SMSA.stubFor(get(urlEqualTo(BY_REFERENCE + "ORD-100245")).willReturn(okJson("[]")));
        SMSA.stubFor(get(urlEqualTo(BY_REFERENCE + "ORD-100246")).willReturn(notFound()));

        assertThat(carrier.findByReference(ORDER)).isEmpty();
        assertThat(carrier.findByReference(OrderId.of("ORD-100246"))).isEmpty();
        assertBreaker(CircuitState.CLOSED, 0, 2);
    }

    @Test
    void givenAServerError_whenLookedUp_thenACarrierFaultCountedByTheBreaker() {
        SMSA.stubFor(get(urlEqualTo(BY_REFERENCE + "ORD-100245")).willReturn(serverError()));

        CarrierUnavailableException failure =
                thrown(CarrierUnavailableException.class, () -> carrier.findByReference(ORDER));

        assertThat(failure.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertBreaker(CircuitState.CLOSED, 1, 0);
    }
}
