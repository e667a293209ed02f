package io.haderos.shipping.adapter.aramex;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.model.Address;
import io.haderos.shipping.domain.model.CountryCode;
import io.haderos.shipping.domain.model.LabelFormat;
import io.haderos.shipping.domain.model.Money;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.Parcel;
import io.haderos.shipping.domain.model.Party;
import io.haderos.shipping.domain.model.RateRequest;
import io.haderos.shipping.domain.model.ShipmentRequest;
import io.haderos.shipping.domain.model.Weight;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import io.haderos.shipping.domain.testing.MutableClock;
import io.haderos.shipping.domain.testing.Requests;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the Aramex tests against a stand-in Aramex (WireMock) over real HTTP share: the stand-in, the account, the
 * parties and replies, a carrier whose own breaker runs on a clock the test moves (N = 3, T = 120 s, M = 2), and the
 * helpers that stub Aramex and read the breaker's counts. Each {@code *IT} covers one operation or concern.
 */
abstract class AramexFixture {

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
    static final Party CONSIGNEE = Requests.CONSIGNEE;
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

    static final String CREATE_OK = """
            {"Transaction": {"Reference1": "ORD-100245", "Reference2": "", "Reference3": "", "Reference4": "", "Reference5": ""},
             "Notifications": [], "HasErrors": false,
             "Shipments": [{"ID": "30123456789", "Reference1": "ORD-100245", "Reference2": "", "Reference3": "",
               "ForeignHAWB": "", "HasErrors": false, "Notifications": [],
               "ShipmentLabel": {"LabelURL": "https://ws.aramex.net/content/rpt_cache/9f1c2e7a.pdf", "LabelFileContents": null},
               "ShipmentDetails": {"Origin": "RUH", "Destination": "JED", "ProductGroup": "DOM", "ProductType": "ONP"},
               "ShipmentAttachments": []}]}
            """;

    final MutableClock clock = MutableClock.at("2026-01-05T10:00:00Z");
    AramexShippingCarrier carrier;

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

    /**
     * Quoting {@link #DOMESTIC_RATE} fails with a carrier fault for {@code reason}, the first the breaker counts.
     *
     * @return the fault, for what else a test asserts about it
     */
    CarrierUnavailableException quotingFailsCounted(Reason reason) {
        Throwable failure = catchThrowable(() -> carrier.quoteRates(DOMESTIC_RATE));
        assertThat(reasonOf(failure)).isEqualTo(reason);
        assertBreaker(CircuitState.CLOSED, 1, 0);
        return (CarrierUnavailableException) failure;
    }

    /** One carrier fault on record, so that "not counted" is visible as "still 1" rather than "still 0". */
    void oneFaultFirst() {
        stub(RATE_PATH, aResponse().withStatus(503));
        quotingFailsCounted(Reason.SERVICE_UNAVAILABLE);
        ARAMEX.resetAll();
    }

    /** One kilogram to {@link #CONSIGNEE}, 1 SAR declared, no COD: for tests the request's content does not matter to. */
    static ShipmentRequest oneKilogram() {
        return shipment(CONSIGNEE, Money.of("1", "SAR"), Money.of("0", "SAR"), Parcel.of(Weight.ofKilograms("1")));
    }

    /** Two parcels (1.2 kg and 0.8 kg) to {@link #CONSIGNEE}, 250.00 SAR declared. */
    static ShipmentRequest twoParcels(Money cod) {
        return shipment(
                CONSIGNEE,
                Money.of("250.00", "SAR"),
                cod,
                Parcel.of(Weight.ofKilograms("1.2")),
                Parcel.of(Weight.ofKilograms("0.8")));
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
                Optional.empty(),
                LabelFormat.PDF);
    }
}
