package io.haderos.shipping.adapter.aramex;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.model.Address;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.CountryCode;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.Dimensions;
import io.haderos.shipping.domain.model.Label;
import io.haderos.shipping.domain.model.LabelFormat;
import io.haderos.shipping.domain.model.Money;
import io.haderos.shipping.domain.model.Parcel;
import io.haderos.shipping.domain.model.Party;
import io.haderos.shipping.domain.model.ShipmentRequest;
import io.haderos.shipping.domain.model.Weight;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Shipment creation ({@code CreateShipments}): what each request puts on the wire, and the shipment read back.
 */
class AramexShipmentsIT extends AramexFixture {

    @Test
    void givenDomesticCodShipment_whenCreating_thenSendsEveryRequiredFieldAndReturnsAwbAndLabel() {
        ARAMEX.stubFor(aramexPost(CREATE_PATH).willReturn(okJson(CREATE_OK)));
        ShipmentRequest request = twoParcels(Money.of("150.00", "SAR"));

        CreatedShipment created = carrier.createShipment(request);

        assertThat(created)
                .isEqualTo(new CreatedShipment(
                        CarrierId.ARAMEX,
                        "30123456789",
                        List.of(),
                        List.of(Label.at(
                                1,
                                LabelFormat.PDF,
                                URI.create("https://ws.aramex.net/content/rpt_cache/9f1c2e7a.pdf")))));
        long now = Instant.parse("2026-01-05T10:00:00Z").toEpochMilli();
        // The consignee has no company: its name stands in.
        ARAMEX.verify(
                1,
                withClientInfo(postRequestedFor(urlEqualTo(CREATE_PATH)))
                        .withRequestBody(equalToJson("""
                                {"LabelInfo": {"ReportID": 9729, "ReportType": "URL"},
                                 "Transaction": {"Reference1": "ORD-100245"},
                                 "Shipments": [{"Reference1": "ORD-100245", "ForeignHAWB": "",
                                   "ShippingDateTime": "/Date(%d+0000)/",
                                   "Shipper": {"AccountNumber": "%s", "Reference1": "ORD-100245",
                                     "PartyAddress": {"Line1": "Warehouse 4, Industrial Area 2", "City": "Riyadh",
                                                      "PostCode": "14335", "CountryCode": "SA"},
                                     "Contact": {"PersonName": "Fulfilment Desk", "CompanyName": "Example Store LLC",
                                                 "PhoneNumber1": "+966112345678", "CellPhone": "+966112345678",
                                                 "EmailAddress": "ops@example-store.sa"}},
                                   "Consignee": {
                                     "PartyAddress": {"Line1": "Building 7, Al Olaya St", "Line2": "Apt 12",
                                                      "City": "Jeddah", "PostCode": "23434", "CountryCode": "SA"},
                                     "Contact": {"PersonName": "Sara Ahmed", "CompanyName": "Sara Ahmed",
                                                 "PhoneNumber1": "+966551112233", "CellPhone": "+966551112233",
                                                 "EmailAddress": "sara@example.com"}},
                                   "Details": {"ActualWeight": {"Unit": "KG", "Value": 2}, "NumberOfPieces": 2,
                                     "ProductGroup": "DOM", "ProductType": "ONP", "PaymentType": "P",
                                     "DescriptionOfGoods": "Cotton T-shirts", "GoodsOriginCountry": "SA",
                                     "Services": "CODS", "CashOnDeliveryAmount": {"CurrencyCode": "SAR", "Value": 150}}}]}
                                """.formatted(now, ACCOUNT), false, true))
                        .withRequestBody(matchingJsonPath("$.Shipments.length()", equalTo("1")))
                        .withRequestBody(matchingJsonPath("$.Shipments[0].Consignee.AccountNumber", absent()))
                        .withRequestBody(matchingJsonPath("$.Shipments[0].Details.CustomsValueAmount", absent())));
        assertBreaker(CircuitState.CLOSED, 0, 1);
    }

    @Test
    void givenInternationalShipmentWithoutCod_whenCreating_thenExpWithCustomsValueAndNoCodService() {
        ARAMEX.stubFor(aramexPost(CREATE_PATH).willReturn(okJson(CREATE_OK)));
        Party dubai = new Party(
                "Omar Khalid",
                "Khalid Trading",
                "+971501234567",
                "",
                new Address(CountryCode.of("AE"), "Dubai", "Sheikh Zayed Rd 5", "", ""));
        Dimensions box = new Dimensions(new BigDecimal("30"), new BigDecimal("20"), new BigDecimal("15"));

        carrier.createShipment(shipment(
                dubai,
                Money.of("250.00", "SAR"),
                Money.of("0", "SAR"),
                new Parcel(Weight.ofKilograms("1.2"), Optional.of(box))));

        ARAMEX.verify(
                1,
                postRequestedFor(urlEqualTo(CREATE_PATH))
                        .withRequestBody(equalToJson("""
                                {"Shipments": [{
                                   "Consignee": {"Contact": {"CompanyName": "Khalid Trading"}},
                                   "Details": {"ProductGroup": "EXP", "ProductType": "PPX",
                                     "CustomsValueAmount": {"CurrencyCode": "SAR", "Value": 250},
                                     "GoodsOriginCountry": "SA", "Dimensions": {"Width": 20}, "Services": ""}}]}
                                """, false, true))
                        .withRequestBody(matchingJsonPath("$.Shipments[0].Details.CashOnDeliveryAmount", absent())));
    }

    @Test
    void givenClockInRiyadh_whenCreating_thenShippingDateTimeCarriesThePlusThreeOffset() {
        ARAMEX.stubFor(aramexPost(CREATE_PATH).willReturn(okJson(CREATE_OK)));
        Instant now = Instant.parse("2025-01-01T07:00:00Z");
        AramexShippingCarrier riyadh = AramexShippingCarrier.create(
                config().clock(Clock.fixed(now, ZoneId.of("Asia/Riyadh"))).build());

        riyadh.createShipment(oneKilogram());

        ARAMEX.verify(postRequestedFor(urlEqualTo(CREATE_PATH))
                .withRequestBody(
                        matchingJsonPath("$.Shipments[0].ShippingDateTime", equalTo("/Date(1735714800000+0300)/"))));
    }

    @Test
    void givenReplyWithoutLabel_whenCreating_thenShipmentWithoutLabelUrl() {
        ARAMEX.stubFor(aramexPost(CREATE_PATH).willReturn(okJson("""
                {"Notifications": [], "HasErrors": false,
                 "Shipments": {"ProcessedShipment": {"ID": "30123456790", "HasErrors": false, "ShipmentLabel": null}}}
                """)));

        CreatedShipment created = carrier.createShipment(oneKilogram());

        assertThat(created.trackingNumber()).isEqualTo("30123456790");
        assertThat(created.labels()).isEmpty();
    }

    @Test
    void givenSuccessWithoutShipmentId_whenCreating_thenUnreadableReplyCounted() {
        stub(CREATE_PATH, okJson("""
                {"Notifications": [], "HasErrors": false, "Shipments": [{"ID": null, "HasErrors": false}]}
                """));

        Throwable failure = catchThrowable(() -> carrier.createShipment(oneKilogram()));

        assertThat(reasonOf(failure)).isEqualTo(Reason.UNREADABLE_REPLY);
        assertBreaker(CircuitState.CLOSED, 1, 0);
    }
}
