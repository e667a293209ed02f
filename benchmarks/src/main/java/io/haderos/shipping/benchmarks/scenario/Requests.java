package io.haderos.shipping.benchmarks.scenario;

import io.haderos.shipping.benchmarks.process.Http;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/** The request bodies of the REST API's walk-through, and requests built from them. */
public final class Requests {

    /** A quote from Riyadh to Dubai, 1.5 kg. */
    public static final String RATES_BODY =
            "{\"origin\":{\"country\":\"SA\",\"city\":\"Riyadh\"},\"destination\":{\"country\":\"AE\",\"city\":\"Dubai\"},"
                    + "\"weight_kg\":1.5}";

    /** A shipment to Jeddah, one parcel of 1.2 kg. */
    public static final String SHIP_BODY = "{\"consignee\":{\"name\":\"Sara Ahmed\",\"phone\":\"+966551112233\","
            + "\"email\":\"sara@example.com\",\"address\":{\"country\":\"SA\",\"city\":\"Jeddah\","
            + "\"line1\":\"Building 7, Al Olaya St\",\"line2\":\"Apt 12\",\"postal_code\":\"23434\"}},"
            + "\"parcels\":[{\"weight_kg\":1.2}],\"description\":\"Cotton T-shirts\","
            + "\"declared_value\":{\"amount\":\"250.00\",\"currency\":\"SAR\"},\"cod\":{\"amount\":\"0\",\"currency\":\"SAR\"}}";

    /**
     * What the gateway sends to Aramex's CalculateRate for {@link #RATES_BODY} with the sandbox's account (captured
     * from the gateway).
     */
    public static final String ARAMEX_CALCULATE_RATE_BODY = "{\"ClientInfo\":{\"UserName\":\"sandbox@haderos.io\","
            + "\"Password\":\"sandbox-password\",\"Version\":\"v1.0\",\"AccountNumber\":\"60500123\","
            + "\"AccountPin\":\"543210\",\"AccountEntity\":\"RUH\",\"AccountCountryCode\":\"SA\"},"
            + "\"Transaction\":{\"Reference1\":\"\",\"Reference2\":\"\",\"Reference3\":\"\",\"Reference4\":\"\","
            + "\"Reference5\":\"\"},\"OriginAddress\":{\"Line1\":\"\",\"Line2\":\"\",\"Line3\":\"\",\"City\":\"Riyadh\","
            + "\"StateOrProvinceCode\":\"\",\"PostCode\":\"\",\"CountryCode\":\"SA\"},\"DestinationAddress\":{\"Line1\":\"\","
            + "\"Line2\":\"\",\"Line3\":\"\",\"City\":\"Dubai\",\"StateOrProvinceCode\":\"\",\"PostCode\":\"\","
            + "\"CountryCode\":\"AE\"},\"ShipmentDetails\":{\"ActualWeight\":{\"Unit\":\"KG\",\"Value\":1.5},"
            + "\"GoodsOriginCountry\":\"SA\",\"NumberOfPieces\":1,\"ProductGroup\":\"EXP\",\"ProductType\":\"PPX\","
            + "\"PaymentType\":\"P\",\"PaymentOptions\":\"\",\"Services\":\"\"}}";

    /** The path of Aramex's CalculateRate below its base URL. */
    public static final String ARAMEX_CALCULATE_RATE_PATH = "RateCalculator/Service_1_0.svc/json/CalculateRate";

    private Requests() {}

    /** {@code POST uri} with a JSON body. */
    public static HttpRequest postJson(URI uri, String body, Duration timeout) {
        return Http.json(uri, body, timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** {@code GET uri}. */
    public static HttpRequest get(URI uri, Duration timeout) {
        return HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    }
}
