package io.haderos.shipping.adapter.smsa;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.model.Address;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.Money;
import io.haderos.shipping.domain.model.Party;
import io.haderos.shipping.domain.model.ShipmentRequest;
import io.haderos.shipping.domain.port.out.CarrierMessage;
import io.haderos.shipping.domain.port.out.CarrierRejectedException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Shipment creation ({@code POST /api/shipment/b2c/new}): what each request puts on the wire, and the shipment read
 * back.
 */
class SmsaShipmentsIT extends SmsaFixture {

    @Test
    void givenAValidShipment_whenCreated_thenPostsSmsaB2cBodyAndKeepsSawbAndEveryParcelWaybill() {
        SMSA.stubFor(post(urlEqualTo(CREATE))
                .withHeader("apikey", equalTo(API_KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Upgrade", absent())
                .withRequestBody(equalToJson("""
                        {"OrderNumber": "ORD-100245", "DeclaredValue": 250, "CODAmount": 0, "Parcels": 2,
                         "ShipDate": "2025-01-01T10:00:00", "ShipmentCurrency": "SAR", "Weight": 2, "WeightUnit": "KG",
                         "ServiceCode": "EDDL", "WaybillType": "PDF", "SMSARetailID": "0",
                         "ContentDescription": "Cotton T-shirts", "VatPaid": true, "DutyPaid": false,
                         "ConsigneeAddress": {"ContactName": "Sara Ahmed", "ContactPhoneNumber": "966551112233",
                           "Country": "SA", "City": "Jeddah", "AddressLine1": "Building 7, Prince Sultan St",
                           "AddressLine2": "Apartment 12", "PostalCode": "23434"},
                         "ShipperAddress": {"ContactName": "Example Store LLC", "ContactPhoneNumber": "966112345678",
                           "Country": "SA", "City": "Riyadh", "AddressLine1": "Warehouse 4, Industrial Area 2"}}
                        """, false, true))
                .willReturn(okJson(CREATED)));

        CreatedShipment created = carrier.createShipment(shipment());

        assertThat(created)
                .isEqualTo(
                        new CreatedShipment(CarrierId.SMSA, "231200000001", List.of("231200000002", "231200000003")));
        SMSA.verify(1, postRequestedFor(urlEqualTo(CREATE)));
        assertBreaker(CircuitState.CLOSED, 0, 1);
    }

    @Test
    void givenAShipmentAbroad_whenCreated_thenAsksForTheInternationalService() {
        SMSA.stubFor(post(urlEqualTo(CREATE))
                .withRequestBody(matchingJsonPath("$.ServiceCode", equalTo("EIDL")))
                .withRequestBody(matchingJsonPath("$.ConsigneeAddress.Country", equalTo("AE")))
                .withRequestBody(matchingJsonPath("$.ConsigneeAddress.ContactPhoneNumber", equalTo("971501234567")))
                .willReturn(okJson(CREATED)));

        carrier.createShipment(shipment(consigneeIn(AE, "Dubai", "050 123 4567"), Optional.empty()));

        SMSA.verify(1, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void givenTheRequestNamesAService_whenCreated_thenSendsThatService() {
        SMSA.stubFor(post(urlEqualTo(CREATE))
                .withRequestBody(matchingJsonPath("$.ServiceCode", equalTo("EDDH")))
                .willReturn(okJson(CREATED)));

        carrier.createShipment(shipment(CONSIGNEE, Optional.of("EDDH")));

        SMSA.verify(1, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void givenTextLongerThanSmsaAllows_whenCreated_thenCutsItAndLeavesShortTextUnpadded() {
        String longCity = "Madinat Al Malik Abdullah Al Iqtisadiyah Rabigh Province";
        SMSA.stubFor(post(urlEqualTo(CREATE))
                .withRequestBody(matchingJsonPath(
                        "$.ConsigneeAddress.City",
                        equalTo(longCity.substring(0, 50).strip())))
                .withRequestBody(matchingJsonPath("$.ConsigneeAddress.ContactName", equalTo("Ali")))
                .willReturn(okJson(CREATED)));
        Party consignee =
                new Party("Ali", "", "+966551112233", "", new Address(SA, longCity, "Street 1 building 22", "", ""));

        carrier.createShipment(shipment(consignee, Optional.empty()));

        SMSA.verify(1, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void givenAReplyWithWaybillsButNoSawb_whenCreated_thenTheFirstWaybillIsTheTrackingNumber() {
        stubCreate(okJson("{\"waybills\": [{\"awb\": \"231200000002\", \"awbFile\": \"JVBER\"}]}"));

        CreatedShipment created = carrier.createShipment(shipment());

        assertThat(created.trackingNumber()).isEqualTo("231200000002");
        assertThat(created.parcelTrackingNumbers()).containsExactly("231200000002");
    }

    @Test
    void givenCashOnDeliveryInAnotherCurrency_whenCreated_thenRejectedWithoutAsking() {
        ShipmentRequest request = shipment(CONSIGNEE, Money.of("30", "AED"), Optional.empty());

        CarrierRejectedException rejected =
                thrown(CarrierRejectedException.class, () -> carrier.createShipment(request));

        assertThat(rejected.messages()).extracting(CarrierMessage::code).containsExactly("cod.currency");
        SMSA.verify(0, postRequestedFor(urlEqualTo(CREATE)));
        assertBreaker(CircuitState.CLOSED, 0, 0);
    }
}
