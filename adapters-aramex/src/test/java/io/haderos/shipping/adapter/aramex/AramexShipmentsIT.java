package io.haderos.shipping.adapter.aramex;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
        ARAMEX.verify(
                1,
                withClientInfo(postRequestedFor(urlEqualTo(CREATE_PATH)))
                        .withRequestBody(matchingJsonPath("$.LabelInfo.ReportID", equalTo("9729")))
                        .withRequestBody(matchingJsonPath("$.LabelInfo.ReportType", equalTo("URL")))
                        .withRequestBody(matchingJsonPath("$.Transaction.Reference1", equalTo("ORD-100245")))
                        .withRequestBody(matchingJsonPath("$.Shipments.length()", equalTo("1")))
                        .withRequestBody(matchingJsonPath("$.Shipments[0].Reference1", equalTo("ORD-100245")))
                        .withRequestBody(matchingJsonPath("$.Shipments[0].ForeignHAWB", equalTo("")))
                        .withRequestBody(matchingJsonPath(
                                "$.Shipments[0].ShippingDateTime", equalTo("/Date(" + now + "+0000)/")))
                        // shipper
                        .withRequestBody(matchingJsonPath("$.Shipments[0].Shipper.AccountNumber", equalTo(ACCOUNT)))
                        .withRequestBody(matchingJsonPath("$.Shipments[0].Shipper.Reference1", equalTo("ORD-100245")))
                        .withRequestBody(matchingJsonPath(
                                "$.Shipments[0].Shipper.PartyAddress.Line1", equalTo("Warehouse 4, Industrial Area 2")))
                        .withRequestBody(
                                matchingJsonPath("$.Shipments[0].Shipper.PartyAddress.City", equalTo("Riyadh")))
                        .withRequestBody(
                                matchingJsonPath("$.Shipments[0].Shipper.PartyAddress.PostCode", equalTo("14335")))
                        .withRequestBody(
                                matchingJsonPath("$.Shipments[0].Shipper.PartyAddress.CountryCode", equalTo("SA")))
                        .withRequestBody(matchingJsonPath(
                                "$.Shipments[0].Shipper.Contact.PersonName", equalTo("Fulfilment Desk")))
                        .withRequestBody(matchingJsonPath(
                                "$.Shipments[0].Shipper.Contact.CompanyName", equalTo("Example Store LLC")))
                        .withRequestBody(matchingJsonPath(
                                "$.Shipments[0].Shipper.Contact.PhoneNumber1", equalTo("+966112345678")))
                        .withRequestBody(
                                matchingJsonPath("$.Shipments[0].Shipper.Contact.CellPhone", equalTo("+966112345678")))
                        .withRequestBody(matchingJsonPath(
                                "$.Shipments[0].Shipper.Contact.EmailAddress", equalTo("ops@example-store.sa")))
                        // consignee: company falls back to the name
                        .withRequestBody(matchingJsonPath(
                                "$.Shipments[0].Consignee.PartyAddress.Line1", equalTo("Building 7, Al Olaya St")))
                        .withRequestBody(
                                matchingJsonPath("$.Shipments[0].Consignee.PartyAddress.Line2", equalTo("Apt 12")))
                        .withRequestBody(
                                matchingJsonPath("$.Shipments[0].Consignee.PartyAddress.City", equalTo("Jeddah")))
                        .withRequestBody(
                                matchingJsonPath("$.Shipments[0].Consignee.PartyAddress.PostCode", equalTo("23434")))
                        .withRequestBody(
                                matchingJsonPath("$.Shipments[0].Consignee.PartyAddress.CountryCode", equalTo("SA")))
                        .withRequestBody(
                                matchingJsonPath("$.Shipments[0].Consignee.Contact.PersonName", equalTo("Sara Ahmed")))
                        .withRequestBody(
                                matchingJsonPath("$.Shipments[0].Consignee.Contact.CompanyName", equalTo("Sara Ahmed")))
                        .withRequestBody(matchingJsonPath(
                                "$.Shipments[0].Consignee.Contact.PhoneNumber1", equalTo("+966551112233")))
                        .withRequestBody(matchingJsonPath(
                                "$.Shipments[0].Consignee.Contact.CellPhone", equalTo("+966551112233")))
                        .withRequestBody(matchingJsonPath(
                                "$.Shipments[0].Consignee.Contact.EmailAddress", equalTo("sara@example.com")))
                        .withRequestBody(matchingJsonPath("$.Shipments[0].Consignee.AccountNumber", absent()))
                        // details
                        .withRequestBody(matchingJsonPath("$.Shipments[0].Details.ActualWeight.Unit", equalTo("KG")))
                        .withRequestBody(matchingJsonPath("$.Shipments[0].Details.ActualWeight.Value", equalTo("2")))
                        .withRequestBody(matchingJsonPath("$.Shipments[0].Details.NumberOfPieces", equalTo("2")))
                        .withRequestBody(matchingJsonPath("$.Shipments[0].Details.ProductGroup", equalTo("DOM")))
                        .withRequestBody(matchingJsonPath("$.Shipments[0].Details.ProductType", equalTo("ONP")))
                        .withRequestBody(matchingJsonPath("$.Shipments[0].Details.PaymentType", equalTo("P")))
                        .withRequestBody(matchingJsonPath(
                                "$.Shipments[0].Details.DescriptionOfGoods", equalTo("Cotton T-shirts")))
                        .withRequestBody(matchingJsonPath("$.Shipments[0].Details.GoodsOriginCountry", equalTo("SA")))
                        .withRequestBody(matchingJsonPath("$.Shipments[0].Details.Services", equalTo("CODS")))
                        .withRequestBody(matchingJsonPath(
                                "$.Shipments[0].Details.CashOnDeliveryAmount.CurrencyCode", equalTo("SAR")))
                        .withRequestBody(
                                matchingJsonPath("$.Shipments[0].Details.CashOnDeliveryAmount.Value", equalTo("150")))
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
                        .withRequestBody(matchingJsonPath("$.Shipments[0].Details.ProductGroup", equalTo("EXP")))
                        .withRequestBody(matchingJsonPath("$.Shipments[0].Details.ProductType", equalTo("PPX")))
                        .withRequestBody(matchingJsonPath(
                                "$.Shipments[0].Details.CustomsValueAmount.CurrencyCode", equalTo("SAR")))
                        .withRequestBody(
                                matchingJsonPath("$.Shipments[0].Details.CustomsValueAmount.Value", equalTo("250")))
                        .withRequestBody(matchingJsonPath("$.Shipments[0].Details.GoodsOriginCountry", equalTo("SA")))
                        .withRequestBody(matchingJsonPath("$.Shipments[0].Details.Dimensions.Width", equalTo("20")))
                        .withRequestBody(matchingJsonPath("$.Shipments[0].Details.Services", equalTo("")))
                        .withRequestBody(matchingJsonPath("$.Shipments[0].Details.CashOnDeliveryAmount", absent()))
                        .withRequestBody(matchingJsonPath(
                                "$.Shipments[0].Consignee.Contact.CompanyName", equalTo("Khalid Trading"))));
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
