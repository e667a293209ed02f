package io.haderos.shipping.adapter.smsa;

import io.haderos.shipping.adapter.resilience4j.CircuitBreakerSettings;
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
 * <p>Build one with {@link #builder()}; only {@code baseUrl} and {@code apiKey} have no default. The
 * constructor validates every component and names the offending one in its exception. {@link #toString()}
 * never shows the API key.
 *
 * @param baseUrl                  the eCom API host, such as {@link #PRODUCTION_URL} or {@link #SANDBOX_URL};
 *                                 an absolute {@code http} or {@code https} URI without query or fragment. A path
 *                                 prefix is kept ({@code https://proxy/smsa} calls {@code https://proxy/smsa/api/...});
 *                                 a trailing slash is removed. Required
 * @param apiKey                   the account's eCom key, sent as the {@code apikey} header; non-blank, without
 *                                 whitespace or control characters. Required; never logged nor put in messages
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
 * @param executor                 the threads that process SMSA's replies (and run what callers chain on the
 *                                 returned futures); default empty: a pool of daemon threads of the carrier's own
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
     * @throws IllegalArgumentException naming the component when a value is missing or out of range; never showing
     *                                  the API key
     */
    public SmsaConfig {
        baseUrl = validBaseUrl(baseUrl);
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey is required");
        }
        if (!API_KEY.matcher(apiKey).matches()) {
            // Do not echo the value: it is a secret, even when malformed.
            throw new IllegalArgumentException("apiKey must be 1 to 512 printable ASCII characters without spaces");
        }
        connectTimeout = validTimeout(connectTimeout, "connectTimeout");
        timeout = validTimeout(timeout, "timeout");
        require(circuitBreaker, "circuitBreaker");
        require(tariffFile, "tariffFile");
        domesticServiceCode = validService(domesticServiceCode, "domesticServiceCode");
        internationalServiceCode = validService(internationalServiceCode, "internationalServiceCode");
        require(retailId, "retailId");
        if (!RETAIL_ID.matcher(retailId).matches()) {
            throw new IllegalArgumentException("retailId must be 1 to 20 letters or digits, got '" + retailId + "'");
        }
        require(clock, "clock");
        require(executor, "executor");
        require(probeAwb, "probeAwb");
        probeAwb.ifPresent(awb -> {
            if (!SmsaClient.AWB.matcher(awb).matches()) {
                throw new IllegalArgumentException("probeAwb must be 1 to 64 letters, digits, '-' or '_'");
            }
        });
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

    private static URI validBaseUrl(URI url) {
        require(url, "baseUrl");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an absolute http or https URL, got '" + url + "'");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("baseUrl must not have user info, a query or a fragment, got '"
                    + url.getScheme() + "://" + url.getHost() + "…'");
        }
        String text = url.toString();
        return text.endsWith("/") ? URI.create(text.replaceAll("/+$", "")) : url;
    }

    private static Duration validTimeout(Duration value, String name) {
        require(value, name);
        if (value.isNegative() || value.isZero() || value.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException(
                    name + " must be positive and at most " + MAX_TIMEOUT + ", got " + value);
        }
        return value;
    }

    private static String validService(String value, String name) {
        require(value, name);
        if (!SERVICE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    name + " must be 2 to 10 upper-case letters or digits such as EDDL, got '" + value + "'");
        }
        return value;
    }

    private static <T> T require(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    /**
     * Builds a {@link SmsaConfig}. Not thread-safe. Every setter returns this builder; {@link #build()}
     * validates.
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
         * The eCom API host (required), such as {@link SmsaConfig#PRODUCTION_URL}.
         *
         * @param baseUrl the value
         * @return this builder
         */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /**
         * The eCom API host (required) as text, such as {@code https://ecomapis.smsaexpress.com}.
         *
         * @param baseUrl the URL
         * @return this builder
         * @throws IllegalArgumentException naming {@code baseUrl} when the text is not a URI
         */
        public Builder baseUrl(String baseUrl) {
            try {
                this.baseUrl = baseUrl == null ? null : new URI(baseUrl.strip());
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("baseUrl is not a valid URL: " + e.getReason());
            }
            return this;
        }

        /**
         * The account's eCom API key (required).
         *
         * @param apiKey the value
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /**
         * Connection timeout; default 5 s.
         *
         * @param connectTimeout the value
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * Whole-request timeout; default 10 s.
         *
         * @param timeout the value
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * The breaker's numbers; default {@link CircuitBreakerSettings#DEFAULTS}.
         *
         * @param circuitBreaker the value
         * @return this builder
         */
        public Builder circuitBreaker(CircuitBreakerSettings circuitBreaker) {
            this.circuitBreaker = circuitBreaker;
            return this;
        }

        /**
         * A tariff file in the format of {@link SmsaConfig#tariffFile()}; {@code null} = the bundled example.
         *
         * @param tariffFile the value
         * @return this builder
         */
        public Builder tariffFile(Path tariffFile) {
            this.tariffFile = tariffFile;
            return this;
        }

        /**
         * Default service within one country; default {@code EDDL}.
         *
         * @param domesticServiceCode the value
         * @return this builder
         */
        public Builder domesticServiceCode(String domesticServiceCode) {
            this.domesticServiceCode = domesticServiceCode;
            return this;
        }

        /**
         * Default service between countries; default {@code EIDL}.
         *
         * @param internationalServiceCode the value
         * @return this builder
         */
        public Builder internationalServiceCode(String internationalServiceCode) {
            this.internationalServiceCode = internationalServiceCode;
            return this;
        }

        /**
         * {@code SMSARetailID}; default {@code "0"}.
         *
         * @param retailId the value
         * @return this builder
         */
        public Builder retailId(String retailId) {
            this.retailId = retailId;
            return this;
        }

        /**
         * {@code VatPaid}; default {@code true}.
         *
         * @param vatPaid the value
         * @return this builder
         */
        public Builder vatPaid(boolean vatPaid) {
            this.vatPaid = vatPaid;
            return this;
        }

        /**
         * {@code DutyPaid}; default {@code false}.
         *
         * @param dutyPaid the value
         * @return this builder
         */
        public Builder dutyPaid(boolean dutyPaid) {
            this.dutyPaid = dutyPaid;
            return this;
        }

        /**
         * The clock for {@code ShipDate} and for the breaker that {@link SmsaShippingCarrier#create(SmsaConfig)}
         * builds; default the system clock in {@code Asia/Riyadh}.
         *
         * @param clock the value
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * The threads for SMSA's replies; default (null) the carrier's own daemon threads. Never the common
         * {@code ForkJoinPool}.
         *
         * @param executor the value, or null
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /**
         * An AWB SMSA knows, for breaker trials before the carrier has created a shipment; default none.
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
         * @return the configuration
         * @throws IllegalArgumentException naming the component when a value is missing or out of range
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
