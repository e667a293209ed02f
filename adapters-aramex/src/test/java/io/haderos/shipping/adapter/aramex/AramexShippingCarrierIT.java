package io.haderos.shipping.adapter.aramex;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.haderos.shipping.adapter.resilience4j.CarrierCircuitBreaker;
import io.haderos.shipping.adapter.resilience4j.CircuitBreakerSettings;
import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.model.Address;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.CountryCode;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.Dimensions;
import io.haderos.shipping.domain.model.Money;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.Parcel;
import io.haderos.shipping.domain.model.Party;
import io.haderos.shipping.domain.model.RateQuote;
import io.haderos.shipping.domain.model.RateRequest;
import io.haderos.shipping.domain.model.ShipmentRequest;
import io.haderos.shipping.domain.model.ShipmentTracking;
import io.haderos.shipping.domain.model.TrackingEvent;
import io.haderos.shipping.domain.model.Weight;
import io.haderos.shipping.domain.port.out.CarrierConfigurationException;
import io.haderos.shipping.domain.port.out.CarrierMessage;
import io.haderos.shipping.domain.port.out.CarrierRejectedException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import io.haderos.shipping.domain.port.out.CircuitTransitionListener;
import io.haderos.shipping.domain.port.out.TrackingNumberNotFoundException;
import io.haderos.shipping.domain.testing.MutableClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The adapter against a stand-in Aramex (WireMock) over real HTTP: every row of CARRIERS.md §2.5, each with the
 * breaker's counts after it, and what each request puts on the wire.
 */
class AramexShippingCarrierIT {

    @RegisterExtension
    static final WireMockExtension ARAMEX = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    static final String RATE_PATH = "/ShippingAPI.V2/RateCalculator/Service_1_0.svc/json/CalculateRate";
    static final String CREATE_PATH = "/ShippingAPI.V2/Shipping/Service_1_0.svc/json/CreateShipments";
    static final String TRACK_PATH = "/ShippingAPI.V2/Tracking/Service_1_0.svc/json/TrackShipments";

    static final String USER = "api.user@example.com";
    static final String PASSWORD = "Pa55-w0rd!secret";
    static final String PIN = "543210";
    static final String ACCOUNT = "60500123";

    static final Party SHIPPER = new Party(
            "Fulfilment Desk",
            "Example Store LLC",
            "+966112345678",
            "ops@example-store.sa",
            new Address(CountryCode.of("SA"), "Riyadh", "Warehouse 4, Industrial Area 2", "", "14335"));
    static final Party CONSIGNEE = new Party(
            "Sara Ahmed",
            "",
            "+966551112233",
            "sara@example.com",
            new Address(CountryCode.of("SA"), "Jeddah", "Building 7, Al Olaya St", "Apt 12", "23434"));
    static final RateRequest DOMESTIC_RATE = RateRequest.of(
            new Address(CountryCode.of("SA"), "Riyadh", "King Fahd Rd 12", "", "12211"),
            Address.of(CountryCode.of("SA"), "Jeddah"),
            Weight.ofKilograms("2.5"));

    static final String RATE_OK = """
            {"Transaction": {"Reference1": "", "Reference2": "", "Reference3": "", "Reference4": "", "Reference5": null},
             "Notifications": [], "HasErrors": false,
             "TotalAmount": {"CurrencyCode": "SAR", "Value": 187.45},
             "RateDetails": {"Amount": 120.0, "OtherAmount1": 0, "OtherAmount2": 0, "OtherAmount3": 25.5,
                             "OtherAmount4": 0, "OtherAmount5": 17.5, "TotalAmountBeforeTax": 163.0, "TaxAmount": 24.45}}
            """;

    private final MutableClock clock = MutableClock.at("2026-01-05T10:00:00Z");
    private AramexShippingCarrier carrier;

    @BeforeEach
    void setUp() {
        carrier = AramexShippingCarrier.create(config().build());
    }

    AramexConfig.Builder config() {
        return AramexConfig.builder()
                .baseUrl(ARAMEX.baseUrl() + "/ShippingAPI.V2")
                .userName(USER)
                .password(PASSWORD)
                .accountNumber(ACCOUNT)
                .accountPin(PIN)
                .accountEntity("RUH")
                .accountCountryCode("SA")
                .source(24)
                .timeout(Duration.ofSeconds(5))
                .clock(clock);
    }

    // ------------------------------------------------------------------------------------------ helpers

    static void stub(String path, ResponseDefinitionBuilder response) {
        ARAMEX.stubFor(post(urlEqualTo(path)).willReturn(response));
    }

    /** A stub that only answers a request with Aramex's JSON headers over HTTP/1.1 (no h2c upgrade). */
    static MappingBuilder aramexPost(String path) {
        return post(urlEqualTo(path))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Upgrade", absent());
    }

    static ResponseDefinitionBuilder errors(String notificationsJson) {
        return okJson("""
                {"Transaction": null, "Notifications": %s, "HasErrors": true, "TotalAmount": null}
                """.formatted(notificationsJson));
    }

    static RequestPatternBuilder withClientInfo(RequestPatternBuilder request) {
        return request.withRequestBody(matchingJsonPath("$.ClientInfo.UserName", equalTo(USER)))
                .withRequestBody(matchingJsonPath("$.ClientInfo.Password", equalTo(PASSWORD)))
                .withRequestBody(matchingJsonPath("$.ClientInfo.Version", equalTo("v1.0")))
                .withRequestBody(matchingJsonPath("$.ClientInfo.AccountNumber", equalTo(ACCOUNT)))
                .withRequestBody(matchingJsonPath("$.ClientInfo.AccountPin", equalTo(PIN)))
                .withRequestBody(matchingJsonPath("$.ClientInfo.AccountEntity", equalTo("RUH")))
                .withRequestBody(matchingJsonPath("$.ClientInfo.AccountCountryCode", equalTo("SA")))
                .withRequestBody(matchingJsonPath("$.ClientInfo.Source", equalTo("24")));
    }

    void assertBreaker(CircuitState state, int failures, int successes) {
        CircuitSnapshot snapshot = carrier.circuitBreaker().snapshot();
        assertThat(snapshot.state()).as("state").isEqualTo(state);
        assertThat(snapshot.failureCount()).as("failureCount").isEqualTo(failures);
        assertThat(snapshot.successCount()).as("successCount").isEqualTo(successes);
    }

    static Reason reasonOf(Throwable failure) {
        assertThat(failure).isInstanceOf(CarrierUnavailableException.class);
        return ((CarrierUnavailableException) failure).reason();
    }

    /** One carrier fault on record, so that "not counted" is visible as "still 1" rather than "still 0". */
    void oneFaultFirst() {
        stub(RATE_PATH, aResponse().withStatus(503));
        assertThat(reasonOf(catchThrowable(() -> carrier.quoteRates(DOMESTIC_RATE))))
                .isEqualTo(Reason.SERVICE_UNAVAILABLE);
        assertBreaker(CircuitState.CLOSED, 1, 0);
        ARAMEX.resetAll();
    }

    static ShipmentRequest shipment(Party consignee, Money declared, Money cod, Parcel... parcels) {
        return new ShipmentRequest(
                OrderId.of("ORD-100245"),
                SHIPPER,
                consignee,
                List.of(parcels),
                "Cotton T-shirts",
                declared,
                cod,
                Optional.empty());
    }

    static final String CREATE_OK = """
            {"Transaction": {"Reference1": "ORD-100245", "Reference2": "", "Reference3": "", "Reference4": "", "Reference5": ""},
             "Notifications": [], "HasErrors": false,
             "Shipments": [{"ID": "30123456789", "Reference1": "ORD-100245", "Reference2": "", "Reference3": "",
               "ForeignHAWB": "", "HasErrors": false, "Notifications": [],
               "ShipmentLabel": {"LabelURL": "https://ws.aramex.net/content/rpt_cache/9f1c2e7a.pdf", "LabelFileContents": null},
               "ShipmentDetails": {"Origin": "RUH", "Destination": "JED", "ProductGroup": "DOM", "ProductType": "ONP"},
               "ShipmentAttachments": []}]}
            """;

    // ------------------------------------------------------------------------------------------ rates

    @Nested
    class Rates {

        @Test
        void givenDomesticRequest_whenQuoting_thenPostsClientInfoAndDomDetailsAndReturnsOneQuote() {
            ARAMEX.stubFor(aramexPost(RATE_PATH).willReturn(okJson(RATE_OK)));

            List<RateQuote> quotes = carrier.quoteRates(DOMESTIC_RATE);

            assertThat(quotes).containsExactly(new RateQuote(CarrierId.ARAMEX, "ONP", Money.of("187.45", "SAR")));
            ARAMEX.verify(
                    1,
                    withClientInfo(postRequestedFor(urlEqualTo(RATE_PATH)))
                            .withRequestBody(matchingJsonPath("$.OriginAddress.City", equalTo("Riyadh")))
                            .withRequestBody(matchingJsonPath("$.OriginAddress.Line1", equalTo("King Fahd Rd 12")))
                            .withRequestBody(matchingJsonPath("$.OriginAddress.PostCode", equalTo("12211")))
                            .withRequestBody(matchingJsonPath("$.OriginAddress.CountryCode", equalTo("SA")))
                            .withRequestBody(matchingJsonPath("$.DestinationAddress.City", equalTo("Jeddah")))
                            .withRequestBody(matchingJsonPath("$.DestinationAddress.CountryCode", equalTo("SA")))
                            .withRequestBody(matchingJsonPath("$.ShipmentDetails.ActualWeight.Unit", equalTo("KG")))
                            .withRequestBody(matchingJsonPath("$.ShipmentDetails.ActualWeight.Value", equalTo("2.5")))
                            .withRequestBody(matchingJsonPath("$.ShipmentDetails.NumberOfPieces", equalTo("1")))
                            .withRequestBody(matchingJsonPath("$.ShipmentDetails.ProductGroup", equalTo("DOM")))
                            .withRequestBody(matchingJsonPath("$.ShipmentDetails.ProductType", equalTo("ONP")))
                            .withRequestBody(matchingJsonPath("$.ShipmentDetails.PaymentType", equalTo("P")))
                            .withRequestBody(matchingJsonPath("$.ShipmentDetails.Dimensions", absent()))
                            .withRequestBody(matchingJsonPath("$.PreferredCurrencyCode", absent())));
            assertBreaker(CircuitState.CLOSED, 0, 1);
        }

        @Test
        void givenInternationalRequestWithServiceCurrencyAndDimensions_whenQuoting_thenAllAreSentAndNoiseIsRounded() {
            ARAMEX.stubFor(aramexPost(RATE_PATH).willReturn(okJson("""
                    {"Notifications": [], "HasErrors": false,
                     "TotalAmount": {"CurrencyCode": "SAR", "Value": 187.45000000000002}}
                    """)));
            RateRequest request = new RateRequest(
                    Address.of(CountryCode.of("SA"), "Riyadh"),
                    Address.of(CountryCode.of("AE"), "Dubai"),
                    Weight.ofKilograms("1.5"),
                    2,
                    Optional.of(new Dimensions(new BigDecimal("30"), new BigDecimal("20"), new BigDecimal("15.5"))),
                    Optional.of(Currency.getInstance("SAR")),
                    Optional.of("PDX"));

            List<RateQuote> quotes = carrier.quoteRates(request);

            assertThat(quotes).containsExactly(new RateQuote(CarrierId.ARAMEX, "PDX", Money.of("187.45", "SAR")));
            ARAMEX.verify(
                    1,
                    postRequestedFor(urlEqualTo(RATE_PATH))
                            .withRequestBody(matchingJsonPath("$.ShipmentDetails.ProductGroup", equalTo("EXP")))
                            .withRequestBody(matchingJsonPath("$.ShipmentDetails.ProductType", equalTo("PDX")))
                            .withRequestBody(matchingJsonPath("$.ShipmentDetails.NumberOfPieces", equalTo("2")))
                            .withRequestBody(matchingJsonPath("$.ShipmentDetails.Dimensions.Length", equalTo("30")))
                            .withRequestBody(matchingJsonPath("$.ShipmentDetails.Dimensions.Height", equalTo("15.5")))
                            .withRequestBody(matchingJsonPath("$.ShipmentDetails.Dimensions.Unit", equalTo("CM")))
                            .withRequestBody(matchingJsonPath("$.PreferredCurrencyCode", equalTo("SAR")))
                            .withRequestBody(matchingJsonPath("$.DestinationAddress.CountryCode", equalTo("AE"))));
        }

        @Test
        void givenInternationalRequestWithoutService_whenQuoting_thenPriorityParcelExpress() {
            ARAMEX.stubFor(aramexPost(RATE_PATH).willReturn(okJson(RATE_OK)));

            List<RateQuote> quotes = carrier.quoteRates(RateRequest.of(
                    Address.of(CountryCode.of("SA"), "Riyadh"),
                    Address.of(CountryCode.of("AE"), "Dubai"),
                    Weight.ofKilograms("1")));

            assertThat(quotes).extracting(RateQuote::service).containsExactly("PPX");
            ARAMEX.verify(postRequestedFor(urlEqualTo(RATE_PATH))
                    .withRequestBody(matchingJsonPath("$.ShipmentDetails.ProductGroup", equalTo("EXP"))));
        }
    }

    // -------------------------------------------------------------------------------------- shipments

    @Nested
    class Shipments {

        @Test
        void givenDomesticCodShipment_whenCreating_thenSendsEveryRequiredFieldAndReturnsAwbAndLabel() {
            ARAMEX.stubFor(aramexPost(CREATE_PATH).willReturn(okJson(CREATE_OK)));
            ShipmentRequest request = shipment(
                    CONSIGNEE,
                    Money.of("250.00", "SAR"),
                    Money.of("150.00", "SAR"),
                    Parcel.of(Weight.ofKilograms("1.2")),
                    Parcel.of(Weight.ofKilograms("0.8")));

            CreatedShipment created = carrier.createShipment(request);

            assertThat(created)
                    .isEqualTo(new CreatedShipment(
                            CarrierId.ARAMEX,
                            "30123456789",
                            List.of(),
                            Optional.of(URI.create("https://ws.aramex.net/content/rpt_cache/9f1c2e7a.pdf"))));
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
                            .withRequestBody(
                                    matchingJsonPath("$.Shipments[0].Shipper.Reference1", equalTo("ORD-100245")))
                            .withRequestBody(matchingJsonPath(
                                    "$.Shipments[0].Shipper.PartyAddress.Line1",
                                    equalTo("Warehouse 4, Industrial Area 2")))
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
                            .withRequestBody(matchingJsonPath(
                                    "$.Shipments[0].Shipper.Contact.CellPhone", equalTo("+966112345678")))
                            .withRequestBody(matchingJsonPath(
                                    "$.Shipments[0].Shipper.Contact.EmailAddress", equalTo("ops@example-store.sa")))
                            // consignee: company falls back to the name
                            .withRequestBody(matchingJsonPath(
                                    "$.Shipments[0].Consignee.PartyAddress.Line1", equalTo("Building 7, Al Olaya St")))
                            .withRequestBody(
                                    matchingJsonPath("$.Shipments[0].Consignee.PartyAddress.Line2", equalTo("Apt 12")))
                            .withRequestBody(
                                    matchingJsonPath("$.Shipments[0].Consignee.PartyAddress.City", equalTo("Jeddah")))
                            .withRequestBody(matchingJsonPath(
                                    "$.Shipments[0].Consignee.PartyAddress.PostCode", equalTo("23434")))
                            .withRequestBody(matchingJsonPath(
                                    "$.Shipments[0].Consignee.PartyAddress.CountryCode", equalTo("SA")))
                            .withRequestBody(matchingJsonPath(
                                    "$.Shipments[0].Consignee.Contact.PersonName", equalTo("Sara Ahmed")))
                            .withRequestBody(matchingJsonPath(
                                    "$.Shipments[0].Consignee.Contact.CompanyName", equalTo("Sara Ahmed")))
                            .withRequestBody(matchingJsonPath(
                                    "$.Shipments[0].Consignee.Contact.PhoneNumber1", equalTo("+966551112233")))
                            .withRequestBody(matchingJsonPath(
                                    "$.Shipments[0].Consignee.Contact.CellPhone", equalTo("+966551112233")))
                            .withRequestBody(matchingJsonPath(
                                    "$.Shipments[0].Consignee.Contact.EmailAddress", equalTo("sara@example.com")))
                            .withRequestBody(matchingJsonPath("$.Shipments[0].Consignee.AccountNumber", absent()))
                            // details
                            .withRequestBody(
                                    matchingJsonPath("$.Shipments[0].Details.ActualWeight.Unit", equalTo("KG")))
                            .withRequestBody(
                                    matchingJsonPath("$.Shipments[0].Details.ActualWeight.Value", equalTo("2")))
                            .withRequestBody(matchingJsonPath("$.Shipments[0].Details.NumberOfPieces", equalTo("2")))
                            .withRequestBody(matchingJsonPath("$.Shipments[0].Details.ProductGroup", equalTo("DOM")))
                            .withRequestBody(matchingJsonPath("$.Shipments[0].Details.ProductType", equalTo("ONP")))
                            .withRequestBody(matchingJsonPath("$.Shipments[0].Details.PaymentType", equalTo("P")))
                            .withRequestBody(matchingJsonPath(
                                    "$.Shipments[0].Details.DescriptionOfGoods", equalTo("Cotton T-shirts")))
                            .withRequestBody(
                                    matchingJsonPath("$.Shipments[0].Details.GoodsOriginCountry", equalTo("SA")))
                            .withRequestBody(matchingJsonPath("$.Shipments[0].Details.Services", equalTo("CODS")))
                            .withRequestBody(matchingJsonPath(
                                    "$.Shipments[0].Details.CashOnDeliveryAmount.CurrencyCode", equalTo("SAR")))
                            .withRequestBody(matchingJsonPath(
                                    "$.Shipments[0].Details.CashOnDeliveryAmount.Value", equalTo("150")))
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
                            .withRequestBody(
                                    matchingJsonPath("$.Shipments[0].Details.GoodsOriginCountry", equalTo("SA")))
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

            riyadh.createShipment(shipment(
                    CONSIGNEE, Money.of("1", "SAR"), Money.of("0", "SAR"), Parcel.of(Weight.ofKilograms("1"))));

            ARAMEX.verify(postRequestedFor(urlEqualTo(CREATE_PATH))
                    .withRequestBody(matchingJsonPath(
                            "$.Shipments[0].ShippingDateTime", equalTo("/Date(1735714800000+0300)/"))));
        }

        @Test
        void givenReplyWithoutLabel_whenCreating_thenShipmentWithoutLabelUrl() {
            ARAMEX.stubFor(aramexPost(CREATE_PATH).willReturn(okJson("""
                    {"Notifications": [], "HasErrors": false,
                     "Shipments": {"ProcessedShipment": {"ID": "30123456790", "HasErrors": false, "ShipmentLabel": null}}}
                    """)));

            CreatedShipment created = carrier.createShipment(shipment(
                    CONSIGNEE, Money.of("1", "SAR"), Money.of("0", "SAR"), Parcel.of(Weight.ofKilograms("1"))));

            assertThat(created.trackingNumber()).isEqualTo("30123456790");
            assertThat(created.labelUrl()).isEmpty();
        }

        @Test
        void givenSuccessWithoutShipmentId_whenCreating_thenUnreadableReplyCounted() {
            stub(CREATE_PATH, okJson("""
                    {"Notifications": [], "HasErrors": false, "Shipments": [{"ID": null, "HasErrors": false}]}
                    """));

            Throwable failure = catchThrowable(() -> carrier.createShipment(shipment(
                    CONSIGNEE, Money.of("1", "SAR"), Money.of("0", "SAR"), Parcel.of(Weight.ofKilograms("1")))));

            assertThat(reasonOf(failure)).isEqualTo(Reason.UNREADABLE_REPLY);
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }
    }

    // --------------------------------------------------------------------------------------- tracking

    @Nested
    class Tracking {

        @Test
        void givenTrackingResults_whenTracking_thenEventsNewestFirstWithTheirOffsets() {
            ARAMEX.stubFor(aramexPost(TRACK_PATH).willReturn(okJson("""
                    {"Transaction": {"Reference1": ""}, "Notifications": [], "HasErrors": false,
                     "TrackingResults": [{"Key": "30123456789", "Value": [
                        {"WaybillNumber": "30123456789", "UpdateCode": "SH014", "UpdateDescription": "Record created.",
                         "UpdateDateTime": "/Date(1735725660000+0300)/", "UpdateLocation": "Riyadh, Saudi Arabia",
                         "Comments": "", "ProblemCode": "", "GrossWeight": "1.2", "ChargeableWeight": "1.8", "WeightUnit": "KG"},
                        {"WaybillNumber": "30123456789", "UpdateCode": "SH005", "UpdateDescription": "Delivered",
                         "UpdateDateTime": "\\/Date(1735898460000+0300)\\/", "UpdateLocation": "Jeddah, Saudi Arabia"}]}],
                     "NonExistingWaybills": []}
                    """)));

            ShipmentTracking tracking = carrier.track("30123456789");

            assertThat(tracking.trackingNumber()).isEqualTo("30123456789");
            assertThat(tracking.delivered()).isTrue();
            assertThat(tracking.events())
                    .containsExactly(
                            new TrackingEvent(
                                    "SH005",
                                    "Delivered",
                                    "Jeddah, Saudi Arabia",
                                    OffsetDateTime.parse("2025-01-03T13:01+03:00")),
                            new TrackingEvent(
                                    "SH014",
                                    "Record created.",
                                    "Riyadh, Saudi Arabia",
                                    OffsetDateTime.parse("2025-01-01T13:01+03:00")));
            assertThat(tracking.events().get(0).at().getOffset().getTotalSeconds())
                    .isEqualTo(3 * 3600);
            ARAMEX.verify(
                    1,
                    withClientInfo(postRequestedFor(urlEqualTo(TRACK_PATH)))
                            .withRequestBody(matchingJsonPath("$.Shipments", equalToJson("[\"30123456789\"]")))
                            .withRequestBody(matchingJsonPath("$.GetLastTrackingUpdateOnly", equalTo("false"))));
            assertBreaker(CircuitState.CLOSED, 0, 1);
        }

        @Test
        void givenSoapStyleWrapperObjects_whenTracking_thenParsedLikePlainArrays() {
            ARAMEX.stubFor(aramexPost(TRACK_PATH).willReturn(okJson("""
                    {"Notifications": {"Notification": []}, "HasErrors": false,
                     "TrackingResults": {"KeyValueOfstringArrayOfTrackingResultmFAkxlpY": [{"Key": "30123456789",
                        "Value": {"TrackingResult": {"WaybillNumber": "30123456789", "UpdateCode": "SH014",
                          "UpdateDescription": "Record created.", "UpdateDateTime": "/Date(1735725660000+0300)/",
                          "UpdateLocation": "Riyadh"}}}]},
                     "NonExistingWaybills": {"string": []}}
                    """)));

            ShipmentTracking tracking = carrier.track("30123456789");

            assertThat(tracking.delivered()).isFalse();
            assertThat(tracking.events()).extracting(TrackingEvent::code).containsExactly("SH014");
        }

        @Test
        void givenAwbInNonExistingWaybills_whenTracking_thenNotFoundAndNotCounted() {
            oneFaultFirst();
            stub(TRACK_PATH, okJson("""
                    {"Notifications": [], "HasErrors": false, "TrackingResults": [],
                     "NonExistingWaybills": ["30123456790"]}
                    """));

            Throwable failure = catchThrowable(() -> carrier.track("30123456790"));

            assertThat(failure)
                    .isInstanceOfSatisfying(
                            TrackingNumberNotFoundException.class,
                            notFound -> assertThat(notFound.trackingNumber()).isEqualTo("30123456790"));
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }

        @Test
        void givenControlCharactersAndOverlongText_whenTracking_thenCleanedRatherThanUnreadable() {
            stub(TRACK_PATH, okJson("""
                    {"Notifications": [], "HasErrors": false, "NonExistingWaybills": [],
                     "TrackingResults": [{"Key": "301", "Value": [{"UpdateCode": "SH033",
                       "UpdateDescription": "Consignee not available\\r\\n\\tcall back %s",
                       "UpdateLocation": "Jeddah", "UpdateDateTime": "/Date(1735725660000+0300)/"}]}]}
                    """.formatted("x".repeat(600))));

            ShipmentTracking tracking = carrier.track("301");

            String description = tracking.events().get(0).description();
            assertThat(description)
                    .startsWith("Consignee not available call back xxx")
                    .hasSize(500)
                    .endsWith("…");
            assertBreaker(CircuitState.CLOSED, 0, 1);
        }

        @Test
        void givenMalformedUpdateDateTime_whenTracking_thenUnreadableReplyCounted() {
            stub(TRACK_PATH, okJson("""
                    {"Notifications": [], "HasErrors": false, "NonExistingWaybills": [],
                     "TrackingResults": [{"Key": "301", "Value": [{"UpdateCode": "SH014", "UpdateDateTime": "yesterday"}]}]}
                    """));

            assertThat(reasonOf(catchThrowable(() -> carrier.track("301")))).isEqualTo(Reason.UNREADABLE_REPLY);
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }

        @Test
        void givenBlankTrackingNumber_whenTracking_thenRefusedBeforeTheBreakerAndNothingSent() {
            assertThatThrownBy(() -> carrier.track("  ")).isInstanceOf(IllegalArgumentException.class);

            ARAMEX.verify(0, anyRequestedFor(anyUrl()));
            assertBreaker(CircuitState.CLOSED, 0, 0);
        }
    }

    // ------------------------------------------------------------------ §2.5: HTTP 200 with HasErrors

    @Nested
    class BusinessErrors {

        @Test
        void givenErr52_whenQuoting_thenRejectedWithTheCarriersMessageAndCountsUnchanged() {
            oneFaultFirst();
            stub(RATE_PATH, errors("""
                    [{"Code": "ERR52", "Message": "DestinationAddress - City name is invalid (Dubay)"}]"""));

            Throwable failure = catchThrowable(() -> carrier.quoteRates(DOMESTIC_RATE));

            assertThat(failure)
                    .isInstanceOfSatisfying(
                            CarrierRejectedException.class,
                            rejected -> assertThat(rejected.messages())
                                    .containsExactly(new CarrierMessage(
                                            "ERR52", "DestinationAddress - City name is invalid (Dubay)")));
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }

        @Test
        void givenErr01EchoingOurSecrets_whenQuoting_thenConfigurationFaultWithoutSecretsAndNotCounted() {
            oneFaultFirst();
            stub(RATE_PATH, errors("""
                    [{"Code": "ERR01", "Message": "ClientInfo - Invalid username or password (%s / %s)"}]""".formatted(PASSWORD, PIN)));

            Throwable failure = catchThrowable(() -> carrier.quoteRates(DOMESTIC_RATE));

            assertThat(failure)
                    .isInstanceOf(CarrierConfigurationException.class)
                    .hasMessageContaining("ERR01")
                    .hasMessageNotContaining(PASSWORD)
                    .hasMessageNotContaining(PIN);
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }

        @Test
        void givenUnknownCode_whenQuoting_thenCarrierErrorAndCounted() {
            stub(RATE_PATH, errors("[{\"Code\": \"ERR99\", \"Message\": \"Unexpected internal error\"}]"));

            Throwable failure = catchThrowable(() -> carrier.quoteRates(DOMESTIC_RATE));

            assertThat(reasonOf(failure)).isEqualTo(Reason.CARRIER_ERROR);
            assertThat(failure).hasMessageContaining("ERR99");
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }

        @Test
        void givenHasErrorsWithEmptyNotifications_whenQuoting_thenCarrierErrorAndCounted() {
            stub(RATE_PATH, errors("[]"));

            assertThat(reasonOf(catchThrowable(() -> carrier.quoteRates(DOMESTIC_RATE))))
                    .isEqualTo(Reason.CARRIER_ERROR);
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }

        @Test
        void givenErrorOnlyInsideShipmentsNotifications_whenCreating_thenRejectedAndNotCounted() {
            oneFaultFirst();
            stub(CREATE_PATH, okJson("""
                    {"Transaction": {"Reference1": "ORD-100245"}, "Notifications": [], "HasErrors": true,
                     "Shipments": [{"ID": null, "Reference1": "ORD-100245", "ForeignHAWB": "", "HasErrors": true,
                       "Notifications": [{"Code": "ERR52", "Message": "Consignee.PartyAddress - City name is invalid (Jedda)"}],
                       "ShipmentLabel": null, "ShipmentDetails": null, "ShipmentAttachments": null}]}
                    """));

            Throwable failure = catchThrowable(() -> carrier.createShipment(shipment(
                    CONSIGNEE, Money.of("1", "SAR"), Money.of("0", "SAR"), Parcel.of(Weight.ofKilograms("1")))));

            assertThat(failure)
                    .isInstanceOfSatisfying(
                            CarrierRejectedException.class,
                            rejected -> assertThat(rejected.messages())
                                    .containsExactly(new CarrierMessage(
                                            "ERR52", "Consignee.PartyAddress - City name is invalid (Jedda)")));
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }

        @Test
        void givenShipmentLevelErrorButTopLevelHasErrorsFalse_whenCreating_thenStillRejected() {
            stub(CREATE_PATH, okJson("""
                    {"Notifications": [], "HasErrors": false,
                     "Shipments": [{"ID": null, "HasErrors": true,
                       "Notifications": [{"Code": "REQ12", "Message": "Consignee phone is required"}]}]}
                    """));

            assertThatThrownBy(() -> carrier.createShipment(shipment(
                            CONSIGNEE, Money.of("1", "SAR"), Money.of("0", "SAR"), Parcel.of(Weight.ofKilograms("1")))))
                    .isInstanceOf(CarrierRejectedException.class)
                    .hasMessageContaining("REQ12");
            assertBreaker(CircuitState.CLOSED, 0, 0);
        }
    }

    // ---------------------------------------------------------------- §2.5: non-200 and the network

    @Nested
    class TransportFaults {

        @ParameterizedTest
        @ValueSource(ints = {400, 404})
        void givenHtmlRequestErrorPage_whenQuoting_thenConfigurationFaultAndNotCounted(int status) {
            oneFaultFirst();
            stub(
                    RATE_PATH,
                    aResponse()
                            .withStatus(status)
                            .withHeader("Content-Type", "text/html")
                            .withBody(
                                    "<html><body><h1>Request Error</h1>The server encountered an error processing the "
                                            + "request.</body></html>"));

            Throwable failure = catchThrowable(() -> carrier.quoteRates(DOMESTIC_RATE));

            assertThat(failure)
                    .isInstanceOf(CarrierConfigurationException.class)
                    .hasMessageContaining("HTTP " + status)
                    .hasMessageContaining("our request or endpoint is wrong");
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }

        @Test
        void givenHttp500_whenCreating_thenServerErrorThatMayHaveBeenProcessedAndCounted() {
            stub(CREATE_PATH, aResponse().withStatus(500).withBody("Internal Server Error"));

            Throwable failure = catchThrowable(() -> carrier.createShipment(shipment(
                    CONSIGNEE, Money.of("1", "SAR"), Money.of("0", "SAR"), Parcel.of(Weight.ofKilograms("1")))));

            assertThat(reasonOf(failure)).isEqualTo(Reason.SERVER_ERROR);
            assertThat(reasonOf(failure).mayHaveBeenProcessed()).isTrue();
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }

        @ParameterizedTest
        @ValueSource(ints = {502, 503})
        void givenGatewayOrServiceUnavailable_whenQuoting_thenServiceUnavailableAndCounted(int status) {
            stub(
                    RATE_PATH,
                    aResponse()
                            .withStatus(status)
                            .withHeader("Retry-After", "30")
                            .withHeader("Content-Type", "text/html")
                            .withBody("<html>Service Unavailable</html>"));

            Throwable failure = catchThrowable(() -> carrier.quoteRates(DOMESTIC_RATE));

            assertThat(reasonOf(failure)).isEqualTo(Reason.SERVICE_UNAVAILABLE);
            assertThat(((CarrierUnavailableException) failure).retryAfter()).contains(Duration.ofSeconds(30));
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }

        @Test
        void givenGatewayTimeout_whenQuoting_thenTimeoutAndCounted() {
            stub(RATE_PATH, aResponse().withStatus(504));

            assertThat(reasonOf(catchThrowable(() -> carrier.quoteRates(DOMESTIC_RATE))))
                    .isEqualTo(Reason.TIMEOUT);
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }

        @Test
        void givenClosedPort_whenQuoting_thenConnectionRefusedNotProcessedAndCounted() throws IOException {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            carrier =
                    AramexShippingCarrier.create(config().baseUrl("http://127.0.0.1:" + closedPort + "/ShippingAPI.V2/")
                            .build());

            Throwable failure = catchThrowable(() -> carrier.quoteRates(DOMESTIC_RATE));

            assertThat(reasonOf(failure)).isEqualTo(Reason.CONNECTION_REFUSED);
            assertThat(reasonOf(failure).mayHaveBeenProcessed()).isFalse();
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }

        @Test
        void givenReplySlowerThanTheConfiguredTimeout_whenQuoting_thenTimeoutAndCounted() {
            carrier = AramexShippingCarrier.create(
                    config().timeout(Duration.ofMillis(200)).build());
            stub(RATE_PATH, okJson(RATE_OK).withFixedDelay(2_000));

            Throwable failure = catchThrowable(() -> carrier.quoteRates(DOMESTIC_RATE));

            assertThat(reasonOf(failure)).isEqualTo(Reason.TIMEOUT);
            assertThat(reasonOf(failure).mayHaveBeenProcessed()).isTrue();
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }

        @Test
        void givenConnectionResetMidReply_whenQuoting_thenConnectionLostAndCounted() {
            stub(RATE_PATH, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

            assertThat(reasonOf(catchThrowable(() -> carrier.quoteRates(DOMESTIC_RATE))))
                    .isEqualTo(Reason.CONNECTION_LOST);
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }

        @Test
        void givenMaintenancePageWithStatus200_whenQuoting_thenUnreadableReplyAndCounted() {
            stub(
                    RATE_PATH,
                    aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "text/html")
                            .withBody("<html><body>Down for maintenance</body></html>"));

            Throwable failure = catchThrowable(() -> carrier.quoteRates(DOMESTIC_RATE));

            assertThat(reasonOf(failure)).isEqualTo(Reason.UNREADABLE_REPLY);
            assertThat(failure).hasMessageContaining("CalculateRate");
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "{}",
                    "[]",
                    "\"ok\"",
                    "{\"HasErrors\": false, \"TotalAmount\": null}",
                    "{\"HasErrors\": false, \"TotalAmount\": {\"CurrencyCode\": \"???\", \"Value\": 1}}",
                    "{\"HasErrors\": false, \"TotalAmount\": {\"CurrencyCode\": \"SAR\", \"Value\": -1}}"
                })
        void givenJsonOfTheWrongShape_whenQuoting_thenUnreadableReplyAndCounted(String body) {
            stub(RATE_PATH, okJson(body));

            assertThat(reasonOf(catchThrowable(() -> carrier.quoteRates(DOMESTIC_RATE))))
                    .isEqualTo(Reason.UNREADABLE_REPLY);
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }
    }

    // ------------------------------------------------------------------------------- breaker behaviour

    @Nested
    class Breaker {

        @Test
        void givenThreeConsecutiveFaults_whenCallingAgain_thenCircuitOpenAndNoRequestIsMade() {
            stub(RATE_PATH, aResponse().withStatus(503));
            for (int i = 1; i <= 3; i++) {
                assertThat(reasonOf(catchThrowable(() -> carrier.quoteRates(DOMESTIC_RATE))))
                        .isEqualTo(Reason.SERVICE_UNAVAILABLE);
            }
            assertBreaker(CircuitState.OPEN, 3, 0);

            Throwable fourth = catchThrowable(() -> carrier.quoteRates(DOMESTIC_RATE));

            assertThat(reasonOf(fourth)).isEqualTo(Reason.CIRCUIT_OPEN);
            assertThat(((CarrierUnavailableException) fourth).retryAfter()).contains(Duration.ofSeconds(120));
            ARAMEX.verify(3, postRequestedFor(urlEqualTo(RATE_PATH)));
            assertBreaker(CircuitState.OPEN, 3, 0);
        }

        @Test
        void givenOpenBreakerAndRecoveryTimeoutElapsed_whenAramexIsHealthyAgain_thenTwoTrialsCloseIt() {
            stub(RATE_PATH, aResponse().withStatus(503));
            for (int i = 0; i < 3; i++) {
                catchThrowable(() -> carrier.quoteRates(DOMESTIC_RATE));
            }
            ARAMEX.resetAll();
            stub(RATE_PATH, okJson(RATE_OK));
            clock.advance(Duration.ofSeconds(120));

            carrier.quoteRates(DOMESTIC_RATE);
            assertBreaker(CircuitState.HALF_OPEN, 0, 1);
            carrier.quoteRates(DOMESTIC_RATE);

            assertBreaker(CircuitState.CLOSED, 0, 2);
            ARAMEX.verify(2, postRequestedFor(urlEqualTo(RATE_PATH)));
        }

        @Test
        void givenAFaultThenASuccess_whenQuoting_thenConsecutiveFailuresResetToZero() {
            stub(RATE_PATH, aResponse().withStatus(500));
            catchThrowable(() -> carrier.quoteRates(DOMESTIC_RATE));
            assertBreaker(CircuitState.CLOSED, 1, 0);

            stub(RATE_PATH, okJson(RATE_OK));
            carrier.quoteRates(DOMESTIC_RATE);

            assertBreaker(CircuitState.CLOSED, 0, 1);
        }

        @Test
        void givenBreakerFromTheEmbeddingService_whenCreating_thenThatBreakerGuardsEveryCall() {
            CarrierCircuitBreaker own = CarrierCircuitBreaker.create(
                    CarrierId.ARAMEX,
                    new CircuitBreakerSettings(1, Duration.ofSeconds(30), 1),
                    clock,
                    CircuitTransitionListener.none());
            carrier = AramexShippingCarrier.create(config().build(), own);
            stub(RATE_PATH, aResponse().withStatus(503));

            catchThrowable(() -> carrier.quoteRates(DOMESTIC_RATE));

            assertThat(carrier.circuitBreaker()).isSameAs(own);
            assertThat(own.snapshot().state()).isEqualTo(CircuitState.OPEN);
        }

        @Test
        void givenBreakerForAnotherCarrier_whenCreating_thenRefused() {
            CarrierCircuitBreaker smsa = CarrierCircuitBreaker.create(CarrierId.SMSA, CircuitBreakerSettings.DEFAULTS);

            assertThatThrownBy(() -> AramexShippingCarrier.create(config().build(), smsa))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("smsa");
        }
    }
}
