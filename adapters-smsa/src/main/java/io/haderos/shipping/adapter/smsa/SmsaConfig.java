package io.haderos.shipping.adapter.smsa;

import io.haderos.shipping.adapter.carrierhttp.CarrierUrls;
import io.haderos.shipping.adapter.resilience4j.CircuitBreakerSettings;
import io.haderos.shipping.domain.model.Checks;
import io.haderos.shipping.domain.model.InvalidValueException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * Everything {@link SmsaShippingCarrier} needs: where the SMSA eCom API is, the account's key, timeouts,
 * the breaker's numbers, the tariff that prices rate quotes, and the fixed values sent with every shipment.
 *
 * <p>Build it with {@link #builder()}, which fills in the defaults; only {@code baseUrl} and {@code apiKey} have
 * none. The canonical constructor validates every component and throws {@link InvalidValueException} (an
 * {@link IllegalArgumentException}) whose {@link InvalidValueException#field() field()} is the component's name. No
 * message ever contains the API key, and neither does {@link #toString()}.
 *
 * @param baseUrl                  the eCom API host, such as {@link #PRODUCTION_URL} or {@link #SANDBOX_URL};
 *                                 an absolute {@code http} or {@code https} URI without query or fragment. A path
 *                                 prefix is kept ({@code https://proxy/smsa} calls {@code https://proxy/smsa/api/...});
 *                                 a trailing slash is removed. Required
 * @param apiKey                   the account's eCom key, sent as the {@code apikey} header; 1 to 512 printable
 *                                 ASCII characters without white space. Required; never printed
 * @param connectTimeout           how long to wait for a TCP/TLS connection; positive, at most 5 minutes;
 *                                 default 5 s
 * @param timeout                  the limit for a whole request, from sending to the last byte of the reply;
 *                                 positive, at most 5 minutes; default 10 s. An expired limit is a carrier fault
 *                                 ({@code TIMEOUT})
 * @param circuitBreaker           the numbers of the breaker that {@link SmsaShippingCarrier#create(SmsaConfig)}
 *                                 builds; default {@link CircuitBreakerSettings#DEFAULTS} (3 faults, 120 s, 2
 *                                 successes). Unused when the embedding service supplies its own breaker
 * @param tariffFile               the tariff that prices rate quotes (SMSA has no rate API); empty = the bundled
 *                                 example tariff (SAR, Saudi domestic and GCC). The file is read once, when the
 *                                 carrier is created. Format: UTF-8 text, one record per line, fields separated
 *                                 by commas and trimmed; blank lines and lines starting with {@code #} are ignored:
 *                                 <ul>
 *                                 <li>{@code zone,<zone>,<country>,<city>} puts a city (ISO-3166 alpha-2 country;
 *                                 {@code *} = every other city of that country) into a zone. Zone names are
 *                                 letters, digits, {@code -} and {@code _}; a zone may hold many cities; a city
 *                                 belongs to one zone. Cities match ignoring case, spaces and punctuation
 *                                 ({@code Al-Khobar} = {@code al khobar});</li>
 *                                 <li>{@code rate,<from-zone>,<to-zone>,<service>,<first-kg>,<extra-kg>,<currency>}
 *                                 prices a service between two zones: {@code first-kg} for the first kilogram and
 *                                 {@code extra-kg} for every started kilogram after it, in an ISO-4217 currency,
 *                                 with no more decimals than the currency has. One row per (from, to, service);
 *                                 zones may be declared after the rates that use them.</li>
 *                                 </ul>
 *                                 A malformed file stops creation with an {@link IllegalArgumentException} that
 *                                 names the file, the line and the fault. Prices use the actual weight rounded up
 *                                 to whole kilograms (at least 1); dimensions are not used
 * @param domesticServiceCode      the SMSA service for shipments within one country when the request names none;
 *                                 2 to 10 upper-case letters or digits; default {@code EDDL}
 * @param internationalServiceCode the SMSA service for shipments between countries when the request names none;
 *                                 2 to 10 upper-case letters or digits; default {@code EIDL}
 * @param retailId                 the SMSA office code sent as {@code SMSARetailID}; 1 to 20 letters or digits;
 *                                 default {@code "0"} (none)
 * @param vatPaid                  sent as {@code VatPaid}; default {@code true}
 * @param dutyPaid                 sent as {@code DutyPaid} (duties paid by the shipper); default {@code false}
 * @param clock                    the clock for the shipping date sent to SMSA ({@code ShipDate}, local time in
 *                                 the clock's zone) and for the breaker that
 *                                 {@link SmsaShippingCarrier#create(SmsaConfig)} builds; default the system clock
 *                                 in {@code Asia/Riyadh}
 * @param executor                 the threads that start SMSA's exchanges and complete those past their deadline;
 *                                 default empty: a pool of daemon threads of the carrier's own
 * @param probeAwb                 an AWB SMSA knows, queried as a breaker trial when no client call comes and the
 *                                 carrier has created no shipment since it started (SMSA's quotes are local, so a
 *                                 recovering breaker needs a tracking query to test the carrier); default empty
 */
public record SmsaConfig(
        URI baseUrl,
        String apiKey,
        Duration connectTimeout,
        Duration timeout,
        CircuitBreakerSettings circuitBreaker,
        Optional<Path> tariffFile,
        String domesticServiceCode,
        String internationalServiceCode,
        String retailId,
        boolean vatPaid,
        boolean dutyPaid,
        Clock clock,
        Optional<Executor> executor,
        Optional<String> probeAwb) {

    /** SMSA's production eCom host, {@code https://ecomapis.smsaexpress.com}. */
    public static final URI PRODUCTION_URL = URI.create("https://ecomapis.smsaexpress.com");

    /** SMSA's sandbox eCom host, {@code https://ecomapis-sandbox.azurewebsites.net}. */
    public static final URI SANDBOX_URL = URI.create("https://ecomapis-sandbox.azurewebsites.net");

    /** Default {@link #connectTimeout()}: 5 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** Default {@link #timeout()} for a whole request: 10 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** The largest accepted {@link #connectTimeout()} and {@link #timeout()}: 5 minutes. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

    /** Default {@link #domesticServiceCode()}: {@code EDDL}, ECOM Delivery Lite. */
    public static final String DEFAULT_DOMESTIC_SERVICE = "EDDL";

    /** Default {@link #internationalServiceCode()}: {@code EIDL}, ECOM International Delivery Lite. */
    public static final String DEFAULT_INTERNATIONAL_SERVICE = "EIDL";

    /** The time zone of the default {@link #clock()}: {@code Asia/Riyadh}. */
    public static final ZoneId KSA = ZoneId.of("Asia/Riyadh");

    private static final Pattern SERVICE = Pattern.compile("[A-Z0-9]{2,10}");
    private static final String SERVICE_RULE = "must be 2 to 10 upper-case letters or digits such as EDDL";
    private static final Pattern RETAIL_ID = Pattern.compile("[A-Za-z0-9]{1,20}");
    private static final Pattern API_KEY = Pattern.compile("[\\x21-\\x7E]{1,512}");

    /**
     * Validates every component; ranges and defaults are in the record's description. Prefer {@link #builder()}.
     *
     * @param baseUrl                  see {@link #baseUrl()}
     * @param apiKey                   see {@link #apiKey()}
     * @param connectTimeout           see {@link #connectTimeout()}
     * @param timeout                  see {@link #timeout()}
     * @param circuitBreaker           see {@link #circuitBreaker()}
     * @param tariffFile               see {@link #tariffFile()}
     * @param domesticServiceCode      see {@link #domesticServiceCode()}
     * @param internationalServiceCode see {@link #internationalServiceCode()}
     * @param retailId                 see {@link #retailId()}
     * @param vatPaid                  see {@link #vatPaid()}
     * @param dutyPaid                 see {@link #dutyPaid()}
     * @param clock                    see {@link #clock()}
     * @param executor                 see {@link #executor()}
     * @param probeAwb                 see {@link #probeAwb()}
     * @throws InvalidValueException naming the component ({@code baseUrl}, {@code apiKey}, …) when one is missing
     *                               or out of range
     */
    public SmsaConfig {
        baseUrl = normalise(baseUrl);
        apiKey = Checks.secret(apiKey, "apiKey", 512);
        if (!API_KEY.matcher(apiKey).matches()) {
            throw new InvalidValueException("apiKey", "must be 1 to 512 printable ASCII characters without spaces");
        }
        connectTimeout = Checks.positive(connectTimeout, "connectTimeout", MAX_TIMEOUT);
        timeout = Checks.positive(timeout, "timeout", MAX_TIMEOUT);
        Checks.required(circuitBreaker, "circuitBreaker");
        Checks.required(tariffFile, "tariffFile");
        domesticServiceCode = matching(domesticServiceCode, "domesticServiceCode", SERVICE, SERVICE_RULE);
        internationalServiceCode =
                matching(internationalServiceCode, "internationalServiceCode", SERVICE, SERVICE_RULE);
        retailId = matching(retailId, "retailId", RETAIL_ID, "must be 1 to 20 letters or digits");
        Checks.required(clock, "clock");
        Checks.required(executor, "executor");
        Checks.required(probeAwb, "probeAwb");
        probeAwb.ifPresent(
                awb -> matching(awb, "probeAwb", SmsaClient.AWB, "must be 1 to 64 letters, digits, '-' or '_'"));
    }

    /**
     * A builder with every default set; {@code baseUrl} and {@code apiKey} must be given.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder that starts from this configuration, to change a few settings.
     *
     * @return a new builder holding every component of this configuration
     */
    public Builder toBuilder() {
        return new Builder()
                .baseUrl(baseUrl)
                .apiKey(apiKey)
                .connectTimeout(connectTimeout)
                .timeout(timeout)
                .circuitBreaker(circuitBreaker)
                .tariffFile(tariffFile.orElse(null))
                .domesticServiceCode(domesticServiceCode)
                .internationalServiceCode(internationalServiceCode)
                .retailId(retailId)
                .vatPaid(vatPaid)
                .dutyPaid(dutyPaid)
                .clock(clock)
                .executor(executor.orElse(null))
                .probeAwb(probeAwb.orElse(null));
    }

    /**
     * Every component, with the API key replaced by {@code ***}: safe to log.
     *
     * @return a description without secrets
     */
    @Override
    public String toString() {
        return "SmsaConfig[baseUrl=" + baseUrl + ", apiKey=***, connectTimeout=" + connectTimeout
                + ", timeout=" + timeout + ", circuitBreaker=" + circuitBreaker
                + ", tariffFile=" + tariffFile.map(Path::toString).orElse("(bundled example)")
                + ", domesticServiceCode=" + domesticServiceCode + ", internationalServiceCode="
                + internationalServiceCode
                + ", retailId=" + retailId + ", vatPaid=" + vatPaid + ", dutyPaid=" + dutyPaid + ", clock=" + clock
                + ", executor=" + executor + ", probeAwb=" + probeAwb + "]";
    }

    private static URI normalise(URI baseUrl) {
        String text = CarrierUrls.checkedBaseUrl(baseUrl, PRODUCTION_URL, "the key goes in apiKey")
                .toString();
        return text.endsWith("/") ? URI.create(text.replaceAll("/+$", "")) : baseUrl;
    }

    private static String matching(String value, String field, Pattern pattern, String rule) {
        Checks.required(value, field);
        if (!pattern.matcher(value).matches()) {
            throw new InvalidValueException(field, rule);
        }
        return value;
    }

    /**
     * Collects the components of an {@link SmsaConfig}. Starts with every default; {@code baseUrl} and
     * {@code apiKey} must be set. Not thread-safe; reusable.
     */
    public static final class Builder {

        private URI baseUrl;
        private String apiKey;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration timeout = DEFAULT_TIMEOUT;
        private CircuitBreakerSettings circuitBreaker = CircuitBreakerSettings.DEFAULTS;
        private Path tariffFile;
        private String domesticServiceCode = DEFAULT_DOMESTIC_SERVICE;
        private String internationalServiceCode = DEFAULT_INTERNATIONAL_SERVICE;
        private String retailId = "0";
        private boolean vatPaid = true;
        private boolean dutyPaid;
        private Clock clock = Clock.system(KSA);
        private Executor executor;
        private String probeAwb;

        private Builder() {}

        /**
         * See {@link SmsaConfig#baseUrl()}. Required.
         *
         * @param baseUrl the value
         * @return this builder
         */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /**
         * See {@link SmsaConfig#baseUrl()}. Required.
         *
         * @param baseUrl the URL as text, such as {@code https://ecomapis.smsaexpress.com}
         * @return this builder
         * @throws InvalidValueException naming {@code baseUrl} when the text is not a URI
         */
        public Builder baseUrl(String baseUrl) {
            return baseUrl(CarrierUrls.parse(baseUrl));
        }

        /**
         * See {@link SmsaConfig#apiKey()}. Required.
         *
         * @param apiKey the value
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /**
         * See {@link SmsaConfig#connectTimeout()}. Default 5 s.
         *
         * @param connectTimeout the value
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * See {@link SmsaConfig#timeout()}. Default 10 s.
         *
         * @param timeout the value
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * See {@link SmsaConfig#circuitBreaker()}. Default {@link CircuitBreakerSettings#DEFAULTS}.
         *
         * @param circuitBreaker the value
         * @return this builder
         */
        public Builder circuitBreaker(CircuitBreakerSettings circuitBreaker) {
            this.circuitBreaker = circuitBreaker;
            return this;
        }

        /**
         * See {@link SmsaConfig#tariffFile()}. Default (null): the bundled example tariff.
         *
         * @param tariffFile the value
         * @return this builder
         */
        public Builder tariffFile(Path tariffFile) {
            this.tariffFile = tariffFile;
            return this;
        }

        /**
         * See {@link SmsaConfig#domesticServiceCode()}. Default {@value SmsaConfig#DEFAULT_DOMESTIC_SERVICE}.
         *
         * @param domesticServiceCode the value
         * @return this builder
         */
        public Builder domesticServiceCode(String domesticServiceCode) {
            this.domesticServiceCode = domesticServiceCode;
            return this;
        }

        /**
         * See {@link SmsaConfig#internationalServiceCode()}. Default {@value SmsaConfig#DEFAULT_INTERNATIONAL_SERVICE}.
         *
         * @param internationalServiceCode the value
         * @return this builder
         */
        public Builder internationalServiceCode(String internationalServiceCode) {
            this.internationalServiceCode = internationalServiceCode;
            return this;
        }

        /**
         * See {@link SmsaConfig#retailId()}. Default {@code "0"}.
         *
         * @param retailId the value
         * @return this builder
         */
        public Builder retailId(String retailId) {
            this.retailId = retailId;
            return this;
        }

        /**
         * See {@link SmsaConfig#vatPaid()}. Default {@code true}.
         *
         * @param vatPaid the value
         * @return this builder
         */
        public Builder vatPaid(boolean vatPaid) {
            this.vatPaid = vatPaid;
            return this;
        }

        /**
         * See {@link SmsaConfig#dutyPaid()}. Default {@code false}.
         *
         * @param dutyPaid the value
         * @return this builder
         */
        public Builder dutyPaid(boolean dutyPaid) {
            this.dutyPaid = dutyPaid;
            return this;
        }

        /**
         * See {@link SmsaConfig#clock()}. Default the system clock in {@code Asia/Riyadh}.
         *
         * @param clock the value
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * See {@link SmsaConfig#executor()}. Default (null): the carrier's own daemon threads.
         *
         * @param executor the value, or null
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /**
         * See {@link SmsaConfig#probeAwb()}. Default (null): none.
         *
         * @param probeAwb the value, or null
         * @return this builder
         */
        public Builder probeAwb(String probeAwb) {
            this.probeAwb = probeAwb;
            return this;
        }

        /**
         * The validated configuration.
         *
         * @return a new {@link SmsaConfig}; later changes to this builder do not affect it
         * @throws InvalidValueException naming the first component that is missing or out of range
         */
        public SmsaConfig build() {
            return new SmsaConfig(
                    baseUrl,
                    apiKey,
                    connectTimeout,
                    timeout,
                    circuitBreaker,
                    Optional.ofNullable(tariffFile),
                    domesticServiceCode,
                    internationalServiceCode,
                    retailId,
                    vatPaid,
                    dutyPaid,
                    clock,
                    Optional.ofNullable(executor),
                    Optional.ofNullable(probeAwb));
        }
    }
}
