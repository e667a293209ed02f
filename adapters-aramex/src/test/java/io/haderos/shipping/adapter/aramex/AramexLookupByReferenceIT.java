package io.haderos.shipping.adapter.aramex;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Looking a shipment up by our reference ({@code Reference1}, the order id): {@code TrackShipments} with the reference
 * in place of an AWB, the form this adapter assumes since Aramex documents none.
 */
class AramexLookupByReferenceIT extends AramexFixture {

    private static final OrderId ORDER = OrderId.of("ORD-100245");

    @Test
    void givenAShipmentUnderTheReference_whenLookedUp_thenItsAwbIsFoundAndTheCallCountsAsASuccess() {
        stub(TRACK_PATH, okJson("""
                {"Transaction": {"Reference1": "ORD-100245"}, "Notifications": [], "HasErrors": false,
                 "TrackingResults": [{"Key": "ORD-100245", "Value": [
                    {"WaybillNumber": "30123456789", "UpdateCode": "SH014", "UpdateDescription": "Record created.",
                     "UpdateDateTime": "/Date(1735725660000+0300)/", "UpdateLocation": "Riyadh"}]}],
                 "NonExistingWaybills": []}
                """));

        List<CreatedShipment> found = carrier.findByReference(ORDER);

        assertThat(found).containsExactly(new CreatedShipment(CarrierId.ARAMEX, "30123456789", List.of()));
        ARAMEX.verify(
                1,
                withClientInfo(postRequestedFor(urlEqualTo(TRACK_PATH)))
                        .withRequestBody(matchingJsonPath("$.Shipments", equalToJson("[\"ORD-100245\"]")))
                        .withRequestBody(matchingJsonPath("$.Transaction.Reference1", equalTo("ORD-100245"))));
        assertBreaker(CircuitState.CLOSED, 0, 1);
    }

    @Test
    void givenTheReferenceInNonExistingWaybills_whenLookedUp_thenNothingIsFoundAndTheCarrierHasAnswered() {
        oneFaultFirst();
        stub(TRACK_PATH, okJson("""
                {"Notifications": [], "HasErrors": false, "TrackingResults": [],
                 "NonExistingWaybills": ["ORD-100245"]}
                """));

        assertThat(carrier.findByReference(ORDER)).isEmpty();
        assertBreaker(CircuitState.CLOSED, 0, 1);
    }

    @Test
    void givenAResultWhoseWaybillIsTheReferenceItself_thenItIsNotTakenForOurShipment() {
        OrderId numeric = OrderId.of("30123456789");
        stub(TRACK_PATH, okJson("""
                {"Notifications": [], "HasErrors": false,
                 "TrackingResults": [{"Key": "30123456789", "Value": [
                    {"WaybillNumber": "30123456789", "UpdateCode": "SH014", "UpdateDescription": "Record created.",
                     "UpdateDateTime": "/Date(1735725660000+0300)/", "UpdateLocation": "Riyadh"}]}],
                 "NonExistingWaybills": []}
                """));

        assertThat(carrier.findByReference(numeric)).isEmpty();
    }

    @Test
    void givenAServerError_whenLookedUp_thenACarrierFaultCountedByTheBreaker() {
        stub(TRACK_PATH, serverError());

        Throwable failure = catchThrowable(() -> carrier.findByReference(ORDER));

        assertThat(reasonOf(failure)).isEqualTo(Reason.SERVER_ERROR);
        assertBreaker(CircuitState.CLOSED, 1, 0);
    }
}
