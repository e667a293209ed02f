package io.haderos.shipping.adapter.smsa;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.haderos.shipping.adapter.smsa.SmsaFixtures.AE;
import static io.haderos.shipping.adapter.smsa.SmsaFixtures.API_KEY;
import static io.haderos.shipping.adapter.smsa.SmsaFixtures.CONSIGNEE;
import static io.haderos.shipping.adapter.smsa.SmsaFixtures.CREATED;
import static io.haderos.shipping.adapter.smsa.SmsaFixtures.DELIVERED;
import static io.haderos.shipping.adapter.smsa.SmsaFixtures.SA;
import static io.haderos.shipping.adapter.smsa.SmsaFixtures.SHIPPER;
import static io.haderos.shipping.adapter.smsa.SmsaFixtures.TRACKING;
import static io.haderos.shipping.adapter.smsa.SmsaFixtures.VALIDATION_ERRORS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.haderos.shipping.adapter.resilience4j.CarrierCircuitBreaker;
import io.haderos.shipping.adapter.resilience4j.CircuitBreakerSettings;
import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import io.haderos.shipping.domain.model.Address;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.CountryCode;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.Money;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.Parcel;
import io.haderos.shipping.domain.model.Party;
import io.haderos.shipping.domain.model.ShipmentRequest;
import io.haderos.shipping.domain.model.ShipmentTracking;
import io.haderos.shipping.domain.model.TrackingEvent;
import io.haderos.shipping.domain.model.Weight;
import io.haderos.shipping.domain.port.out.CarrierConfigurationException;
import io.haderos.shipping.domain.port.out.CarrierMessage;
import io.haderos.shipping.domain.port.out.CarrierRejectedException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import io.haderos.shipping.domain.port.out.ShippingCarrier;
import io.haderos.shipping.domain.port.out.TrackingNumberNotFoundException;
import io.haderos.shipping.domain.testing.MutableClock;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The adapter against a WireMock stand-in for the SMSA eCom API: every row of CARRIERS.md §3.5, what is sent,
 * and what the breaker counts. Breaker defaults: N = 3, T = 120 s, M = 2.
 */
class SmsaShippingCarrierTest {

    @RegisterExtension
    static final WireMockExtension SMSA = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String CREATE = "/api/shipment/b2c/new";
    private static final String TRACK = "/api/track/single/";
    private static final String BULK = "/api/track/bulk/";

    /** 10:00 in Riyadh. */
    private static final Clock SHIP_CLOCK = Clock.fixed(Instant.parse("2025-01-01T07:00:00Z"), SmsaConfig.KSA);

    private final MutableClock breakerClock = MutableClock.at("2025-01-01T07:00:00Z");
    private final List<CircuitStateChanged> transitions = new CopyOnWriteArrayList<>();
    private SmsaShippingCarrier carrier;

    @BeforeEach
    void setUp() {
        carrier = carrierAt(URI.create(SMSA.baseUrl()), Duration.ofSeconds(5));
    }

    private SmsaShippingCarrier carrierAt(URI baseUrl, Duration timeout) {
        SmsaConfig config = SmsaConfig.builder()
                .baseUrl(baseUrl)
                .apiKey(API_KEY)
                .timeout(timeout)
                .connectTimeout(Duration.ofSeconds(2))
                .clock(SHIP_CLOCK)
                .build();
        CarrierCircuitBreaker breaker = CarrierCircuitBreaker.create(
                CarrierId.SMSA, CircuitBreakerSettings.DEFAULTS, breakerClock, transitions::add);
        return SmsaShippingCarrier.create(config, breaker);
    }

    private void assertBreaker(CircuitState state, int failures, int successes) {
        CircuitSnapshot snapshot = carrier.circuitBreaker().snapshot();
        assertThat(snapshot.state()).as("state").isEqualTo(state);
        assertThat(snapshot.failureCount()).as("failure count").isEqualTo(failures);
        assertThat(snapshot.successCount()).as("success count").isEqualTo(successes);
    }

    private static <T extends Throwable> T thrown(Class<T> type, ThrowingCallable call) {
        Throwable failure = catchThrowable(call);
        assertThat(failure).isInstanceOf(type);
        assertThat(failure.getMessage()).doesNotContain(API_KEY);
        return type.cast(failure);
    }

    private CarrierUnavailableException createFails() {
        return thrown(CarrierUnavailableException.class, () -> carrier.createShipment(SmsaFixtures.shipment()));
    }

    private static void stubCreate(ResponseDefinitionBuilder reply) {
        SMSA.stubFor(post(urlEqualTo(CREATE)).willReturn(reply));
    }

    @Nested
    class CreateShipment {

        @Test
        void givenAValidShipment_whenCreated_thenPostsSmsaB2cBodyAndKeepsSawbAndEveryParcelWaybill() {
            SMSA.stubFor(post(urlEqualTo(CREATE))
                    .withHeader("apikey", equalTo(API_KEY))
                    .withHeader("Content-Type", equalTo("application/json"))
                    .withHeader("Upgrade", absent())
                    .withRequestBody(matchingJsonPath("$.OrderNumber", equalTo("ORD-100245")))
                    .withRequestBody(matchingJsonPath("$.DeclaredValue", equalTo("250")))
                    .withRequestBody(matchingJsonPath("$.CODAmount", equalTo("0")))
                    .withRequestBody(matchingJsonPath("$.Parcels", equalTo("2")))
                    .withRequestBody(matchingJsonPath("$.ShipDate", equalTo("2025-01-01T10:00:00")))
                    .withRequestBody(matchingJsonPath("$.ShipmentCurrency", equalTo("SAR")))
                    .withRequestBody(matchingJsonPath("$.Weight", equalTo("2")))
                    .withRequestBody(matchingJsonPath("$.WeightUnit", equalTo("KG")))
                    .withRequestBody(matchingJsonPath("$.ServiceCode", equalTo("EDDL")))
                    .withRequestBody(matchingJsonPath("$.WaybillType", equalTo("PDF")))
                    .withRequestBody(matchingJsonPath("$.SMSARetailID", equalTo("0")))
                    .withRequestBody(matchingJsonPath("$.ContentDescription", equalTo("Cotton T-shirts")))
                    .withRequestBody(matchingJsonPath("$.VatPaid", equalTo("true")))
                    .withRequestBody(matchingJsonPath("$.DutyPaid", equalTo("false")))
                    .withRequestBody(matchingJsonPath("$.ConsigneeAddress.ContactName", equalTo("Sara Ahmed")))
                    .withRequestBody(matchingJsonPath("$.ConsigneeAddress.ContactPhoneNumber", equalTo("966551112233")))
                    .withRequestBody(matchingJsonPath("$.ConsigneeAddress.Country", equalTo("SA")))
                    .withRequestBody(matchingJsonPath("$.ConsigneeAddress.City", equalTo("Jeddah")))
                    .withRequestBody(matchingJsonPath(
                            "$.ConsigneeAddress.AddressLine1", equalTo("Building 7, Prince Sultan St")))
                    .withRequestBody(matchingJsonPath("$.ConsigneeAddress.AddressLine2", equalTo("Apartment 12")))
                    .withRequestBody(matchingJsonPath("$.ConsigneeAddress.PostalCode", equalTo("23434")))
                    .withRequestBody(matchingJsonPath("$.ShipperAddress.ContactName", equalTo("Example Store LLC")))
                    .withRequestBody(matchingJsonPath("$.ShipperAddress.ContactPhoneNumber", equalTo("966112345678")))
                    .withRequestBody(matchingJsonPath("$.ShipperAddress.Country", equalTo("SA")))
                    .withRequestBody(matchingJsonPath("$.ShipperAddress.City", equalTo("Riyadh")))
                    .withRequestBody(matchingJsonPath(
                            "$.ShipperAddress.AddressLine1", equalTo("Warehouse 4, Industrial Area 2")))
                    .willReturn(okJson(CREATED)));

            CreatedShipment created = carrier.createShipment(SmsaFixtures.shipment());

            assertThat(created)
                    .isEqualTo(new CreatedShipment(
                            CarrierId.SMSA, "231200000001", List.of("231200000002", "231200000003"), Optional.empty()));
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

            carrier.createShipment(
                    SmsaFixtures.shipment(SmsaFixtures.consigneeIn(AE, "Dubai", "050 123 4567"), Optional.empty()));

            SMSA.verify(1, postRequestedFor(urlEqualTo(CREATE)));
        }

        @Test
        void givenTheRequestNamesAService_whenCreated_thenSendsThatService() {
            SMSA.stubFor(post(urlEqualTo(CREATE))
                    .withRequestBody(matchingJsonPath("$.ServiceCode", equalTo("EDDH")))
                    .willReturn(okJson(CREATED)));

            carrier.createShipment(SmsaFixtures.shipment(CONSIGNEE, Optional.of("EDDH")));

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
            Party consignee = new Party(
                    "Ali", "", "+966551112233", "", new Address(SA, longCity, "Street 1 building 22", "", ""));

            carrier.createShipment(SmsaFixtures.shipment(consignee, Optional.empty()));

            SMSA.verify(1, postRequestedFor(urlEqualTo(CREATE)));
        }

        @Test
        void givenAReplyWithWaybillsButNoSawb_whenCreated_thenTheFirstWaybillIsTheTrackingNumber() {
            stubCreate(okJson("{\"waybills\": [{\"awb\": \"231200000002\", \"awbFile\": \"JVBER\"}]}"));

            CreatedShipment created = carrier.createShipment(SmsaFixtures.shipment());

            assertThat(created.trackingNumber()).isEqualTo("231200000002");
            assertThat(created.parcelTrackingNumbers()).containsExactly("231200000002");
        }

        @Test
        void givenCashOnDeliveryInAnotherCurrency_whenCreated_thenRejectedWithoutAsking() {
            ShipmentRequest request = new ShipmentRequest(
                    OrderId.of("ORD-1"),
                    SHIPPER,
                    CONSIGNEE,
                    List.of(Parcel.of(Weight.ofKilograms("1"))),
                    "Books",
                    Money.of("100", "SAR"),
                    Money.of("30", "AED"),
                    Optional.empty());

            CarrierRejectedException rejected =
                    thrown(CarrierRejectedException.class, () -> carrier.createShipment(request));

            assertThat(rejected.messages()).extracting(CarrierMessage::code).containsExactly("cod.currency");
            SMSA.verify(0, postRequestedFor(urlEqualTo(CREATE)));
            assertBreaker(CircuitState.CLOSED, 0, 0);
        }
    }

    /** CARRIERS.md §3.5, row by row, on the create call. */
    @Nested
    class Classification {

        @Test
        void given400WithFieldErrors_whenCreating_thenRejectedWithOneMessagePerFieldMessageAndNothingCounted() {
            stubCreate(status(500));
            createFails();
            stubCreate(aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(VALIDATION_ERRORS));

            CarrierRejectedException rejected =
                    thrown(CarrierRejectedException.class, () -> carrier.createShipment(SmsaFixtures.shipment()));

            assertThat(rejected.messages())
                    .containsExactly(
                            new CarrierMessage(
                                    "ConsigneeAddress.AddressLine1",
                                    "AddressLine1 must be between 10 and 100 characters."),
                            new CarrierMessage("ConsigneeAddress.City", "The City field is required."),
                            new CarrierMessage("ConsigneeAddress.City", "City must be 3 to 50 characters."));
            assertThat(rejected.carrier()).isEqualTo(CarrierId.SMSA);
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }

        @Test
        void given200WithStatusFailed_whenCreating_thenRejectedWithSmsasMessageAndNothingCounted() {
            stubCreate(okJson("{\"status\": \"Failed\", \"message\": \"Invalid consignee city\"}"));

            CarrierRejectedException rejected =
                    thrown(CarrierRejectedException.class, () -> carrier.createShipment(SmsaFixtures.shipment()));

            assertThat(rejected.messages()).containsExactly(new CarrierMessage("", "Invalid consignee city"));
            assertBreaker(CircuitState.CLOSED, 0, 0);
        }

        @ParameterizedTest(name = "HTTP {0}")
        @ValueSource(ints = {401, 403})
        void givenTheKeyIsRefused_whenCreating_thenConfigurationProblemWithoutTheKeyAndNothingCounted(int status) {
            stubCreate(aResponse().withStatus(status).withBody("Unauthorized: apikey " + API_KEY + " is not valid"));

            CarrierConfigurationException problem =
                    thrown(CarrierConfigurationException.class, () -> carrier.createShipment(SmsaFixtures.shipment()));

            assertThat(problem.getMessage()).contains("HTTP " + status).doesNotContain(API_KEY);
            assertBreaker(CircuitState.CLOSED, 0, 0);
        }

        @ParameterizedTest(name = "HTTP {0}")
        @ValueSource(ints = {404, 405, 415})
        void givenAnotherClientErrorStatus_whenCreating_thenConfigurationProblemAndNothingCounted(int status) {
            stubCreate(aResponse().withStatus(status).withBody("<html>nope " + API_KEY + "</html>"));

            CarrierConfigurationException problem =
                    thrown(CarrierConfigurationException.class, () -> carrier.createShipment(SmsaFixtures.shipment()));

            assertThat(problem.getMessage()).contains("HTTP " + status);
            assertBreaker(CircuitState.CLOSED, 0, 0);
        }

        @Test
        void given400WithoutFieldErrors_whenCreating_thenConfigurationProblem() {
            stubCreate(aResponse().withStatus(400).withBody("Bad Request"));

            thrown(CarrierConfigurationException.class, () -> carrier.createShipment(SmsaFixtures.shipment()));

            assertBreaker(CircuitState.CLOSED, 0, 0);
        }

        @ParameterizedTest(name = "HTTP {0} -> {1}")
        @CsvSource({
            "500, SERVER_ERROR",
            "501, SERVER_ERROR",
            "502, SERVICE_UNAVAILABLE",
            "503, SERVICE_UNAVAILABLE",
            "504, TIMEOUT",
            "429, SERVICE_UNAVAILABLE",
            "302, CARRIER_ERROR"
        })
        void givenAServerSideStatus_whenCreating_thenCarrierFaultThatCounts(int status, Reason reason) {
            stubCreate(aResponse().withStatus(status).withBody("<html>Service Unavailable</html>"));

            CarrierUnavailableException fault = createFails();

            assertThat(fault.reason()).isEqualTo(reason);
            assertThat(fault.getMessage()).contains("HTTP " + status);
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }

        @Test
        void given503WithRetryAfter_whenCreating_thenTheHintIsKept() {
            stubCreate(aResponse().withStatus(503).withHeader("Retry-After", "30"));

            CarrierUnavailableException fault = createFails();

            assertThat(fault.reason()).isEqualTo(Reason.SERVICE_UNAVAILABLE);
            assertThat(fault.reason().mayHaveBeenProcessed()).isFalse();
            assertThat(fault.retryAfter()).contains(Duration.ofSeconds(30));
        }

        @Test
        void givenNothingListens_whenCreating_thenConnectionRefusedThatCounts() {
            carrier = carrierAt(URI.create("http://127.0.0.1:" + SmsaFixtures.closedPort()), Duration.ofSeconds(5));

            CarrierUnavailableException fault = createFails();

            assertThat(fault.reason()).isEqualTo(Reason.CONNECTION_REFUSED);
            assertThat(fault.reason().mayHaveBeenProcessed()).isFalse();
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }

        @Test
        void givenSmsaAnswersAfterTheTimeout_whenCreating_thenTimeoutThatCounts() {
            carrier = carrierAt(URI.create(SMSA.baseUrl()), Duration.ofMillis(300));
            stubCreate(okJson(CREATED).withFixedDelay(3_000));

            CarrierUnavailableException fault = createFails();

            assertThat(fault.reason()).isEqualTo(Reason.TIMEOUT);
            assertThat(fault.getMessage()).contains("300 ms");
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }

        @Test
        void givenTheBodyTricklesInSlowerThanTheTimeout_whenCreating_thenTimeoutCoversTheWholeReply() {
            carrier = carrierAt(URI.create(SMSA.baseUrl()), Duration.ofMillis(300));
            stubCreate(okJson(CREATED).withChunkedDribbleDelay(5, 3_000));

            assertThat(createFails().reason()).isEqualTo(Reason.TIMEOUT);
        }

        @Test
        void givenTheConnectionBreaks_whenCreating_thenConnectionLostThatCounts() {
            stubCreate(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

            CarrierUnavailableException fault = createFails();

            assertThat(fault.reason()).isEqualTo(Reason.CONNECTION_LOST);
            assertThat(fault.reason().mayHaveBeenProcessed()).isTrue();
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }

        @Test
        void given200WithAnHtmlPage_whenCreating_thenUnreadableReplyThatCounts() {
            stubCreate(aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html><body>Scheduled maintenance</body></html>"));

            CarrierUnavailableException fault = createFails();

            assertThat(fault.reason()).isEqualTo(Reason.UNREADABLE_REPLY);
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }

        @ParameterizedTest(name = "body [{0}]")
        @ValueSource(
                strings = {
                    "{\"hello\": \"world\"}",
                    "[1, 2]",
                    "{\"sawb\": \"1\", \"waybills\": \"abc\"}",
                    "{\"sawb\": \"1\"} trailing",
                    ""
                })
        void given200WithJsonOfTheWrongShape_whenCreating_thenUnreadableReplyThatCounts(String body) {
            stubCreate(okJson(body));

            assertThat(createFails().reason()).isEqualTo(Reason.UNREADABLE_REPLY);
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }
    }

    @Nested
    class Tracking {

        @Test
        void givenAKnownAwb_whenTracked_thenScansAreNewestFirstWithTheirOffsets() {
            SMSA.stubFor(get(urlEqualTo(TRACK + "231200000001"))
                    .withHeader("apikey", equalTo(API_KEY))
                    .willReturn(okJson(TRACKING)));

            ShipmentTracking tracking = carrier.track("231200000001");

            assertThat(tracking.carrier()).isEqualTo(CarrierId.SMSA);
            assertThat(tracking.trackingNumber()).isEqualTo("231200000001");
            assertThat(tracking.delivered()).isFalse();
            assertThat(tracking.events())
                    .containsExactly(
                            new TrackingEvent(
                                    "OD",
                                    "Out for Delivery",
                                    "Jeddah",
                                    OffsetDateTime.parse("2025-01-02T09:15:00+03:00")),
                            new TrackingEvent(
                                    "PU",
                                    "Picked Up",
                                    "Riyadh",
                                    OffsetDateTime.parse("2025-01-01T16:40:12.530+03:00")));
            assertBreaker(CircuitState.CLOSED, 0, 1);
        }

        @Test
        void givenADeliveredShipment_whenTracked_thenDeliveredWithFractionalSecondsKept() {
            SMSA.stubFor(get(urlEqualTo(TRACK + "231200000009")).willReturn(okJson(DELIVERED)));

            ShipmentTracking tracking = carrier.track("231200000009");

            assertThat(tracking.delivered()).isTrue();
            assertThat(tracking.events()).singleElement().satisfies(event -> {
                assertThat(event.code()).isEqualTo("DL");
                assertThat(event.at()).isEqualTo(OffsetDateTime.parse("2025-01-05T11:02:03.1234567+04:00"));
            });
        }

        @Test
        void givenAnUnknownAwbAnswered404_whenTracked_thenNotFoundAndNothingCounted() {
            SMSA.stubFor(get(urlPathMatching(TRACK + ".*")).willReturn(notFound()));

            TrackingNumberNotFoundException notFound =
                    thrown(TrackingNumberNotFoundException.class, () -> carrier.track("999999999999"));

            assertThat(notFound.trackingNumber()).isEqualTo("999999999999");
            assertBreaker(CircuitState.CLOSED, 0, 0);
        }

        @ParameterizedTest(name = "body [{0}]")
        @ValueSource(strings = {"{}", "", "null", "{\"AWB\": null, \"Scans\": []}", "[]"})
        void givenAnUnknownAwbAnswered200WithoutAwb_whenTracked_thenNotFoundAndNothingCounted(String body) {
            SMSA.stubFor(get(urlPathMatching(TRACK + ".*")).willReturn(okJson(body)));

            thrown(TrackingNumberNotFoundException.class, () -> carrier.track("999999999999"));

            assertBreaker(CircuitState.CLOSED, 0, 0);
        }

        @Test
        void givenATrackingNumberThatCannotBeAnAwb_whenTracked_thenNotFoundWithoutAsking() {
            thrown(TrackingNumberNotFoundException.class, () -> carrier.track("../shipment/b2c/new"));

            SMSA.verify(0, getRequestedFor(urlPathMatching(".*")));
            assertBreaker(CircuitState.CLOSED, 0, 0);
        }

        @Test
        void given200WithNonJson_whenTracked_thenUnreadableReplyThatCounts() {
            SMSA.stubFor(get(urlPathMatching(TRACK + ".*"))
                    .willReturn(aResponse().withStatus(200).withBody("OK")));

            CarrierUnavailableException fault =
                    thrown(CarrierUnavailableException.class, () -> carrier.track("231200000001"));

            assertThat(fault.reason()).isEqualTo(Reason.UNREADABLE_REPLY);
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }

        @Test
        void givenAScanTimeThatIsNotATime_whenTracked_thenUnreadableReply() {
            SMSA.stubFor(get(urlPathMatching(TRACK + ".*"))
                    .willReturn(okJson(
                            "{\"AWB\": \"1\", \"Scans\": [{\"ScanType\": \"PU\", \"ScanDateTime\": \"yesterday\"}]}")));

            CarrierUnavailableException fault = thrown(CarrierUnavailableException.class, () -> carrier.track("1"));

            assertThat(fault.reason()).isEqualTo(Reason.UNREADABLE_REPLY);
        }

        @Test
        void givenA500_whenTracked_thenServerErrorThatCounts() {
            SMSA.stubFor(get(urlPathMatching(TRACK + ".*")).willReturn(status(500)));

            CarrierUnavailableException fault =
                    thrown(CarrierUnavailableException.class, () -> carrier.track("231200000001"));

            assertThat(fault.reason()).isEqualTo(Reason.SERVER_ERROR);
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }

        @Test
        void givenSeveralAwbs_whenTrackedInBulk_thenPostsTheArrayAndReturnsTheKnownOnes() {
            SMSA.stubFor(post(urlEqualTo(BULK))
                    .withHeader("apikey", equalTo(API_KEY))
                    .withHeader("Content-Type", equalTo("application/json"))
                    .withRequestBody(equalToJson("[\"231200000001\", \"231200000009\", \"231200000404\"]"))
                    .willReturn(okJson("[" + TRACKING + "," + DELIVERED + ", {\"Scans\": []}]")));

            List<ShipmentTracking> trackings = carrier.trackAll(
                            List.of("231200000001", "231200000009", "231200000404", "not an awb!"))
                    .join();

            assertThat(trackings)
                    .extracting(ShipmentTracking::trackingNumber)
                    .containsExactly("231200000001", "231200000009");
            assertThat(trackings).extracting(ShipmentTracking::delivered).containsExactly(false, true);
            assertBreaker(CircuitState.CLOSED, 0, 1);
        }

        @Test
        void givenBulkAnswersAnObject_whenTrackedInBulk_thenUnreadableReplyThatCounts() {
            SMSA.stubFor(post(urlEqualTo(BULK)).willReturn(okJson(TRACKING)));

            CarrierUnavailableException fault = thrown(
                    CarrierUnavailableException.class,
                    () -> ShippingCarrier.await(carrier.trackAll(List.of("231200000001"))));

            assertThat(fault.reason()).isEqualTo(Reason.UNREADABLE_REPLY);
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }
    }

    @Nested
    class Breaker {

        @Test
        void givenThreeConsecutiveFaults_whenCalledAgain_thenTheBreakerIsOpenAndNoRequestIsMade() {
            stubCreate(status(503));
            createFails();
            createFails();
            assertBreaker(CircuitState.CLOSED, 2, 0);
            createFails();
            assertBreaker(CircuitState.OPEN, 3, 0);

            CarrierUnavailableException refused = createFails();

            assertThat(refused.reason()).isEqualTo(Reason.CIRCUIT_OPEN);
            assertThat(refused.retryAfter())
                    .as("a shipment waits for the trial and a second more, for the trials to close the breaker")
                    .contains(Duration.ofSeconds(121));
            SMSA.verify(3, postRequestedFor(urlEqualTo(CREATE)));
            assertThat(transitions).singleElement().satisfies(transition -> {
                assertThat(transition.from()).isEqualTo(CircuitState.CLOSED);
                assertThat(transition.to()).isEqualTo(CircuitState.OPEN);
                assertThat(transition.cause()).contains("service_unavailable").doesNotContain(API_KEY);
            });
        }

        @Test
        void givenAnOpenBreaker_whenTrackingOrQuoting_thenRefusedWithoutRequestsToo() {
            stubCreate(status(500));
            createFails();
            createFails();
            createFails();

            assertThat(thrown(CarrierUnavailableException.class, () -> carrier.track("231200000001"))
                            .reason())
                    .isEqualTo(Reason.CIRCUIT_OPEN);
            assertThat(thrown(
                                    CarrierUnavailableException.class,
                                    () -> carrier.quoteRates(SmsaFixtures.rate(SA, "Riyadh", SA, "Jeddah", "1")))
                            .reason())
                    .isEqualTo(Reason.CIRCUIT_OPEN);
            SMSA.verify(0, getRequestedFor(urlPathMatching(".*")));
        }

        @Test
        void givenAnOpenBreakerAfterTheRecoveryTimeout_whenTwoTrialsSucceed_thenItClosesAgain() {
            stubCreate(status(502));
            createFails();
            createFails();
            createFails();
            breakerClock.advanceSeconds(120);
            stubCreate(okJson(CREATED));
            SMSA.stubFor(get(urlEqualTo(TRACK + "231200000001")).willReturn(okJson(TRACKING)));

            assertThat(thrown(CarrierUnavailableException.class, () -> carrier.createShipment(SmsaFixtures.shipment()))
                            .reason())
                    .as("a shipment is never a trial")
                    .isEqualTo(Reason.CIRCUIT_OPEN);
            carrier.track("231200000001");
            assertBreaker(CircuitState.HALF_OPEN, 0, 1);
            carrier.track("231200000001");

            assertBreaker(CircuitState.CLOSED, 0, 2);
            carrier.createShipment(SmsaFixtures.shipment());
            SMSA.verify(4, postRequestedFor(urlEqualTo(CREATE)));
        }

        @Test
        void givenCallerAndConfigurationFaultsBetweenCarrierFaults_whenCounting_thenOnlyCarrierFaultsCount() {
            stubCreate(status(500));
            createFails();
            createFails();
            stubCreate(aResponse().withStatus(400).withBody(VALIDATION_ERRORS));
            thrown(CarrierRejectedException.class, () -> carrier.createShipment(SmsaFixtures.shipment()));
            stubCreate(status(401));
            thrown(CarrierConfigurationException.class, () -> carrier.createShipment(SmsaFixtures.shipment()));

            assertBreaker(CircuitState.CLOSED, 2, 0);
            stubCreate(status(500));
            createFails();
            assertBreaker(CircuitState.OPEN, 3, 0);
        }

        @Test
        void givenAQuoteTheTariffCannotPrice_whenQuoting_thenRejectedAndNothingCounted() {
            CarrierRejectedException rejected = thrown(
                    CarrierRejectedException.class,
                    () -> carrier.quoteRates(SmsaFixtures.rate(SA, "Riyadh", CountryCode.of("US"), "New York", "1")));

            assertThat(rejected.getMessage()).contains("US/New York");
            assertBreaker(CircuitState.CLOSED, 0, 0);
        }

        @Test
        void givenABreakerForAnotherCarrier_whenCreating_thenRefused() {
            CarrierCircuitBreaker aramex =
                    CarrierCircuitBreaker.create(CarrierId.ARAMEX, CircuitBreakerSettings.DEFAULTS);
            SmsaConfig config =
                    SmsaConfig.builder().baseUrl(SMSA.baseUrl()).apiKey(API_KEY).build();

            assertThatThrownBy(() -> SmsaShippingCarrier.create(config, aramex))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("aramex");
        }

        @Test
        void givenOnlyAConfig_whenCreated_thenItsOwnBreakerUsesTheConfiguredSettings() {
            SmsaShippingCarrier own = SmsaShippingCarrier.create(SmsaConfig.builder()
                    .baseUrl(SMSA.baseUrl())
                    .apiKey(API_KEY)
                    .circuitBreaker(new CircuitBreakerSettings(1, Duration.ofSeconds(30), 1))
                    .build());
            stubCreate(status(504));

            thrown(CarrierUnavailableException.class, () -> own.createShipment(SmsaFixtures.shipment()));

            assertThat(own.circuitBreaker().carrier()).isEqualTo(CarrierId.SMSA);
            assertThat(own.circuitBreaker().settings().failureThreshold()).isEqualTo(1);
            assertThat(own.circuitBreaker().snapshot().state()).isEqualTo(CircuitState.OPEN);
            assertThat(own.id()).isEqualTo(CarrierId.SMSA);
        }
    }

    @Test
    void givenAnyCall_whenSent_thenItUsesHttp11AndAcceptsJson() {
        SMSA.stubFor(get(urlPathMatching(TRACK + ".*"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Upgrade", absent())
                .willReturn(okJson(TRACKING)));

        carrier.track("231200000001");

        SMSA.verify(1, getRequestedFor(urlEqualTo(TRACK + "231200000001")));
    }
}
