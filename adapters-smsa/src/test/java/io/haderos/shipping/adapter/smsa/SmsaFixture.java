package io.haderos.shipping.adapter.smsa;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.haderos.shipping.adapter.resilience4j.CarrierCircuitBreaker;
import io.haderos.shipping.adapter.resilience4j.CircuitBreakerSettings;
import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import io.haderos.shipping.domain.model.Address;
import io.haderos.shipping.domain.model.CarrierId;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the SMSA tests share: requests and SMSA replies (constructed from SMSA's field lists) and, for the tests
 * against a stand-in SMSA eCom API (WireMock) over real HTTP, the stand-in, a carrier whose breaker runs on a clock
 * the test moves (N = 3, T = 120 s, M = 2) and records its transitions, and the helpers that stub SMSA and read the
 * breaker's counts. Each {@code *IT} covers one operation or concern.
 */
abstract class SmsaFixture {

    static final String API_KEY = "k3y-Very-Secret-0042";

    static final CountryCode SA = CountryCode.of("SA");
    static final CountryCode AE = CountryCode.of("AE");

    static final Party SHIPPER = new Party(
            "Omar Store Manager",
            "Example Store LLC",
            "+966 11 234 5678",
            "",
            new Address(SA, "Riyadh", "Warehouse 4, Industrial Area 2", "", "14335"));
    static final Party CONSIGNEE = new Party(
            "Sara Ahmed",
            "",
            "0551112233",
            "sara@example.com",
            new Address(SA, "Jeddah", "Building 7, Prince Sultan St", "Apartment 12", "23434"));

    static final String CREATED = """
            {"sawb": "231200000001", "createDate": "2025-01-01T10:00:05", "shipmentParcelsCount": 2,
             "waybills": [{"awb": "231200000002", "awbFile": "JVBERi0xLjQKJcfs..."},
                          {"awb": "231200000003", "awbFile": "JVBERi0xLjQKJcfs..."}]}
            """;

    static final String VALIDATION_ERRORS = """
            {"type": "https://tools.ietf.org/html/rfc7231#section-6.5.1",
             "title": "One or more validation errors occurred.", "status": 400,
             "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00",
             "errors": {"ConsigneeAddress.AddressLine1": ["AddressLine1 must be between 10 and 100 characters."],
                        "ConsigneeAddress.City": ["The City field is required.", "City must be 3 to 50 characters."]}}
            """;

    static final String TRACKING = """
            {"AWB": "231200000001", "Reference": "ORD-100245", "Pieces": 1, "CODAmount": 0,
             "ContentDesc": "Cotton T-shirts", "RecipientName": "Sara Ahmed",
             "OriginCity": "Riyadh", "OriginCountry": "SA", "DesinationCity": "Jeddah", "DesinationCountry": "SA",
             "isDelivered": false,
             "Scans": [
               {"ReferenceID": "", "ReceivedBy": "", "City": "Jeddah", "ScanType": "OD",
                "ScanDescription": "Out for Delivery", "ScanDateTime": "2025-01-02T09:15:00", "ScanTimeZone": "+03:00"},
               {"ReferenceID": "", "ReceivedBy": "", "City": "Riyadh", "ScanType": "PU",
                "ScanDescription": "Picked Up", "ScanDateTime": "2025-01-01T16:40:12.53", "ScanTimeZone": "+03:00"}]}
            """;

    static final String DELIVERED = """
            {"AWB": "231200000009", "isDelivered": true,
             "Scans": [{"City": "Dubai", "ScanType": "DL", "ScanDescription": "Delivered",
                        "ScanDateTime": "2025-01-05T11:02:03.1234567", "ScanTimeZone": "+04:00"}]}
            """;

    @RegisterExtension
    static final WireMockExtension SMSA = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    static final String CREATE = "/api/shipment/b2c/new";
    static final String TRACK = "/api/track/single/";
    static final String BULK = "/api/track/bulk/";

    /** 10:00 in Riyadh. */
    static final Clock SHIP_CLOCK = Clock.fixed(Instant.parse("2025-01-01T07:00:00Z"), SmsaConfig.KSA);

    final MutableClock breakerClock = MutableClock.at("2025-01-01T07:00:00Z");
    final List<CircuitStateChanged> transitions = new CopyOnWriteArrayList<>();
    SmsaShippingCarrier carrier;

    @BeforeEach
    void setUp() {
        carrier = carrierAt(URI.create(SMSA.baseUrl()), Duration.ofSeconds(5));
    }

    SmsaShippingCarrier carrierAt(URI baseUrl, Duration timeout) {
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

    void assertBreaker(CircuitState state, int failures, int successes) {
        CircuitSnapshot snapshot = carrier.circuitBreaker().snapshot();
        assertThat(snapshot.state()).as("state").isEqualTo(state);
        assertThat(snapshot.failureCount()).as("failure count").isEqualTo(failures);
        assertThat(snapshot.successCount()).as("success count").isEqualTo(successes);
    }

    static <T extends Throwable> T thrown(Class<T> type, ThrowingCallable call) {
        Throwable failure = catchThrowable(call);
        assertThat(failure).isInstanceOf(type);
        assertThat(failure.getMessage()).doesNotContain(API_KEY);
        return type.cast(failure);
    }

    CarrierUnavailableException createFails() {
        return thrown(CarrierUnavailableException.class, () -> carrier.createShipment(shipment()));
    }

    /**
     * Creating {@link #shipment()} fails with a carrier fault for {@code reason}, the first the breaker counts.
     *
     * @return the fault, for what else a test asserts about it
     */
    CarrierUnavailableException createFailsCounted(Reason reason) {
        CarrierUnavailableException fault = createFails();
        assertThat(fault.reason()).isEqualTo(reason);
        assertBreaker(CircuitState.CLOSED, 1, 0);
        return fault;
    }

    static void stubCreate(ResponseDefinitionBuilder reply) {
        SMSA.stubFor(post(urlEqualTo(CREATE)).willReturn(reply));
    }

    static ShipmentRequest shipment() {
        return shipment(CONSIGNEE, Optional.empty());
    }

    static ShipmentRequest shipment(Party consignee, Optional<String> service) {
        return shipment(consignee, Money.of("0", "SAR"), service);
    }

    /** Two parcels from {@link #SHIPPER}, 250.00 SAR declared, {@code cashOnDelivery} to collect. */
    static ShipmentRequest shipment(Party consignee, Money cashOnDelivery, Optional<String> service) {
        return new ShipmentRequest(
                OrderId.of("ORD-100245"),
                SHIPPER,
                consignee,
                List.of(Parcel.of(Weight.ofKilograms("1.2")), Parcel.of(Weight.ofKilograms("0.8"))),
                "Cotton T-shirts",
                Money.of("250.00", "SAR"),
                cashOnDelivery,
                service,
                LabelFormat.PDF);
    }

    static Party consigneeIn(CountryCode country, String city, String phone) {
        return new Party(
                "Sara Ahmed", "", phone, "", new Address(country, city, "Building 7, Prince Sultan St", "", ""));
    }

    static RateRequest rate(CountryCode fromCountry, String fromCity, CountryCode toCountry, String toCity, String kg) {
        return RateRequest.of(Address.of(fromCountry, fromCity), Address.of(toCountry, toCity), Weight.ofKilograms(kg));
    }

    /** A loopback port where nothing listens (it was free a moment ago). */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
