package io.haderos.shipping.adapter.aramex;

import io.haderos.shipping.adapter.carrierhttp.CarrierUrls;
import io.haderos.shipping.adapter.resilience4j.CircuitBreakerSettings;
import io.haderos.shipping.domain.model.Address;
import io.haderos.shipping.domain.model.Checks;
import io.haderos.shipping.domain.model.CountryCode;
import io.haderos.shipping.domain.model.InvalidValueException;
import io.haderos.shipping.domain.model.RateRequest;
import io.haderos.shipping.domain.model.Weight;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executor;

/**
 * Everything {@link AramexShippingCarrier} needs to reach one Aramex account: where the API lives, the
 * {@code ClientInfo} credentials sent in every request body (Aramex has no HTTP authentication), timeouts and
 * breaker settings.
 *
 * <p>Build it with {@link #builder()}, which fills in the defaults; the canonical constructor validates every
 * component and throws {@link InvalidValueException} (an {@link IllegalArgumentException}) whose
 * {@link InvalidValueException#field() field()} is the component's name. No message ever contains the password
 * or the PIN, and neither does {@link #toString()}.
 *
 * @param baseUrl            the API root, such as {@link #PRODUCTION_BASE_URL}; absolute {@code http} or
 *                           {@code https} URL without user info, query or fragment. A missing trailing slash is
 *                           added, so {@code .../ShippingAPI.V2} and {@code .../ShippingAPI.V2/} are the same.
 *                           Required, no default
 * @param userName           {@code ClientInfo.UserName} (usually an e-mail address); required, not blank, at most
 *                           {@value #MAX_CREDENTIAL} characters; surrounding white space is removed
 * @param password           {@code ClientInfo.Password}; required, not blank, at most {@value #MAX_CREDENTIAL}
 *                           characters, kept exactly as given; never printed
 * @param accountNumber      {@code ClientInfo.AccountNumber}, also sent as the shipper's account number;
 *                           required, not blank, at most {@value #MAX_CREDENTIAL} characters; surrounding white
 *                           space is removed
 * @param accountPin         {@code ClientInfo.AccountPin}; required, not blank, at most {@value #MAX_CREDENTIAL}
 *                           characters, kept exactly as given; never printed
 * @param accountEntity      {@code ClientInfo.AccountEntity}, three letters such as {@code RUH}; upper-cased
 * @param accountCountryCode {@code ClientInfo.AccountCountryCode}, ISO-3166 alpha-2 such as {@code SA};
 *                           upper-cased
 * @param version            {@code ClientInfo.Version}; not blank, at most {@value #MAX_CREDENTIAL} characters,
 *                           surrounding white space removed; default {@value #DEFAULT_VERSION}
 * @param source             {@code ClientInfo.Source}, an integration id Aramex may assign; zero or more; left
 *                           out of requests when empty, which is the default
 * @param connectTimeout     how long to wait for a connection; positive and not longer than {@code timeout};
 *                           default {@link #DEFAULT_CONNECT_TIMEOUT} or {@code timeout} if that is shorter
 * @param timeout            the whole request, from sending to the last byte of the reply; positive, at most
 *                           {@link #MAX_TIMEOUT}; default {@link #DEFAULT_TIMEOUT}
 * @param circuitBreaker     the breaker that {@link AramexShippingCarrier#create(AramexConfig)} builds; default
 *                           {@link CircuitBreakerSettings#DEFAULTS} (3 faults, 120 s, 2 successes)
 * @param clock              the clock for the shipping date sent to Aramex ({@code ShippingDateTime}, with the
 *                           offset of the clock's zone) and for the breaker that
 *                           {@link AramexShippingCarrier#create(AramexConfig)} builds; default
 *                           {@link Clock#systemUTC()}
 * @param executor           the threads that start Aramex's exchanges and complete those past their deadline;
 *                           default empty: a pool of daemon threads of the carrier's own
 * @param probe              the quote sent as a breaker trial when no client call comes (a recovering breaker
 *                           needs a safe call that reaches Aramex); default {@link #DEFAULT_PROBE}, Riyadh to
 *                           Jeddah, 1 kg
 */
public record AramexConfig(
        URI baseUrl,
        String userName,
        String password,
        String accountNumber,
        String accountPin,
        String accountEntity,
        String accountCountryCode,
        String version,
        OptionalInt source,
        Duration connectTimeout,
        Duration timeout,
        CircuitBreakerSettings circuitBreaker,
        Clock clock,
        Optional<Executor> executor,
        RateRequest probe) {

    /** Aramex production: {@code https://ws.aramex.net/ShippingAPI.V2/}. */
    public static final URI PRODUCTION_BASE_URL = URI.create("https://ws.aramex.net/ShippingAPI.V2/");

    /** Aramex's sandbox: {@code https://ws.sbx.aramex.net/ShippingAPI.V2/}. */
    public static final URI SANDBOX_BASE_URL = URI.create("https://ws.sbx.aramex.net/ShippingAPI.V2/");

    /** The longest accepted {@code ClientInfo} text: 256 characters. */
    public static final int MAX_CREDENTIAL = 256;

    /** The default {@code ClientInfo.Version}. */
    public static final String DEFAULT_VERSION = "v1.0";

    /** The default whole-request timeout: 10 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** The default connect timeout: 5 s (or the request timeout, if that is shorter). */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** The longest accepted request timeout: 5 minutes. A caller waiting longer is not being protected. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

    /** The default trial quote: Riyadh to Jeddah, 1 kg. */
    public static final RateRequest DEFAULT_PROBE = RateRequest.of(
            Address.of(CountryCode.of("SA"), "Riyadh"),
            Address.of(CountryCode.of("SA"), "Jeddah"),
            Weight.ofKilograms("1"));

    /**
     * Validates and normalises every component (see the record's description for each one's range).
     *
     * @param baseUrl            the API root; a trailing slash is added when missing
     * @param userName           {@code ClientInfo.UserName}
     * @param password           {@code ClientInfo.Password}
     * @param accountNumber      {@code ClientInfo.AccountNumber}
     * @param accountPin         {@code ClientInfo.AccountPin}
     * @param accountEntity      {@code ClientInfo.AccountEntity}, three letters
     * @param accountCountryCode {@code ClientInfo.AccountCountryCode}, two letters
     * @param version            {@code ClientInfo.Version}
     * @param source             {@code ClientInfo.Source}, or empty to leave it out
     * @param connectTimeout     the connect timeout, at most {@code timeout}
     * @param timeout            the whole-request timeout
     * @param circuitBreaker     the settings of the breaker {@link AramexShippingCarrier#create(AramexConfig)} builds
     * @param clock              the clock for {@code ShippingDateTime} and that breaker
     * @param executor           the threads that start Aramex's exchanges, or empty for the carrier's own
     * @param probe              the trial quote
     * @throws InvalidValueException naming the component ({@code baseUrl}, {@code password}, …) when one is
     *                               missing or out of range
     */
    public AramexConfig {
        baseUrl = normalise(baseUrl);
        userName = Checks.text(userName, "userName", MAX_CREDENTIAL);
        password = Checks.secret(password, "password", MAX_CREDENTIAL);
        accountNumber = Checks.text(accountNumber, "accountNumber", MAX_CREDENTIAL);
        accountPin = Checks.secret(accountPin, "accountPin", MAX_CREDENTIAL);
        accountEntity = letters(accountEntity, "accountEntity", 3);
        accountCountryCode = letters(accountCountryCode, "accountCountryCode", 2);
        version = Checks.text(version, "version", MAX_CREDENTIAL);
        Checks.required(source, "source");
        if (source.isPresent() && source.getAsInt() < 0) {
            throw new InvalidValueException("source", "must not be negative");
        }
        timeout = Checks.positive(timeout, "timeout", MAX_TIMEOUT);
        connectTimeout = Checks.positive(connectTimeout, "connectTimeout");
        if (connectTimeout.compareTo(timeout) > 0) {
            throw new InvalidValueException("connectTimeout", "must not be longer than timeout (" + timeout + ")");
        }
        Checks.required(circuitBreaker, "circuitBreaker");
        Checks.required(clock, "clock");
        Checks.required(executor, "executor");
        Checks.required(probe, "probe");
    }

    /**
     * A builder with every default set and no URL or credentials.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Every component except the password and the PIN, which show as {@code ***}. */
    @Override
    public String toString() {
        return "AramexConfig[baseUrl=" + baseUrl + ", userName=" + userName + ", password=***"
                + ", accountNumber=" + accountNumber + ", accountPin=***, accountEntity=" + accountEntity
                + ", accountCountryCode=" + accountCountryCode + ", version=" + version + ", source=" + source
                + ", connectTimeout=" + connectTimeout + ", timeout=" + timeout + ", circuitBreaker=" + circuitBreaker
                + ", clock=" + clock + ", executor=" + executor + ", probe=" + probe + "]";
    }

    private static URI normalise(URI baseUrl) {
        String text = CarrierUrls.checkedBaseUrl(
                        baseUrl, PRODUCTION_BASE_URL, "credentials go in userName and password")
                .toString();
        return text.endsWith("/") ? baseUrl : URI.create(text + "/");
    }

    private static String letters(String value, String field, int length) {
        String normalised = Checks.text(value, field, MAX_CREDENTIAL).toUpperCase(Locale.ROOT);
        if (!normalised.matches("[A-Z]{" + length + "}")) {
            throw new InvalidValueException(field, "must be " + length + " letters");
        }
        return normalised;
    }

    /**
     * Collects the components of an {@link AramexConfig}. Starts with every default; the URL and the six
     * {@code ClientInfo} values ({@code userName}, {@code password}, {@code accountNumber}, {@code accountPin},
     * {@code accountEntity}, {@code accountCountryCode}) must be set. Not thread-safe; reusable.
     */
    public static final class Builder {

        private URI baseUrl;
        private String userName;
        private String password;
        private String accountNumber;
        private String accountPin;
        private String accountEntity;
        private String accountCountryCode;
        private String version = DEFAULT_VERSION;
        private OptionalInt source = OptionalInt.empty();
        private Duration connectTimeout;
        private Duration timeout = DEFAULT_TIMEOUT;
        private CircuitBreakerSettings circuitBreaker = CircuitBreakerSettings.DEFAULTS;
        private Clock clock = Clock.systemUTC();
        private Optional<Executor> executor = Optional.empty();
        private RateRequest probe = DEFAULT_PROBE;

        private Builder() {}

        /**
         * See {@link AramexConfig#baseUrl()}. Required.
         *
         * @param baseUrl the value
         * @return this builder
         */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /**
         * See {@link AramexConfig#baseUrl()}. Required.
         *
         * @param baseUrl the URL as text, such as {@code https://ws.aramex.net/ShippingAPI.V2/}
         * @return this builder
         * @throws InvalidValueException naming {@code baseUrl} when the text is not a URI
         */
        public Builder baseUrl(String baseUrl) {
            return baseUrl(CarrierUrls.parse(baseUrl));
        }

        /**
         * See {@link AramexConfig#userName()}. Required.
         *
         * @param userName the value
         * @return this builder
         */
        public Builder userName(String userName) {
            this.userName = userName;
            return this;
        }

        /**
         * See {@link AramexConfig#password()}. Required.
         *
         * @param password the value
         * @return this builder
         */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /**
         * See {@link AramexConfig#accountNumber()}. Required.
         *
         * @param accountNumber the value
         * @return this builder
         */
        public Builder accountNumber(String accountNumber) {
            this.accountNumber = accountNumber;
            return this;
        }

        /**
         * See {@link AramexConfig#accountPin()}. Required.
         *
         * @param accountPin the value
         * @return this builder
         */
        public Builder accountPin(String accountPin) {
            this.accountPin = accountPin;
            return this;
        }

        /**
         * See {@link AramexConfig#accountEntity()}. Required.
         *
         * @param accountEntity the value
         * @return this builder
         */
        public Builder accountEntity(String accountEntity) {
            this.accountEntity = accountEntity;
            return this;
        }

        /**
         * See {@link AramexConfig#accountCountryCode()}. Required.
         *
         * @param accountCountryCode the value
         * @return this builder
         */
        public Builder accountCountryCode(String accountCountryCode) {
            this.accountCountryCode = accountCountryCode;
            return this;
        }

        /**
         * See {@link AramexConfig#version()}. Default {@value AramexConfig#DEFAULT_VERSION}.
         *
         * @param version the value
         * @return this builder
         */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /**
         * See {@link AramexConfig#source()}. Default: left out of requests.
         *
         * @param source the value
         * @return this builder
         */
        public Builder source(int source) {
            this.source = OptionalInt.of(source);
            return this;
        }

        /**
         * See {@link AramexConfig#connectTimeout()}. Default 5 s, or {@code timeout} if shorter.
         *
         * @param connectTimeout the value
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * See {@link AramexConfig#timeout()}. Default 10 s.
         *
         * @param timeout the value
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * See {@link AramexConfig#circuitBreaker()}. Default {@link CircuitBreakerSettings#DEFAULTS}.
         *
         * @param circuitBreaker the value
         * @return this builder
         */
        public Builder circuitBreaker(CircuitBreakerSettings circuitBreaker) {
            this.circuitBreaker = circuitBreaker;
            return this;
        }

        /**
         * See {@link AramexConfig#clock()}. Default {@link Clock#systemUTC()}.
         *
         * @param clock the value
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * See {@link AramexConfig#executor()}. Default: the carrier's own daemon threads.
         *
         * @param executor the threads that start Aramex's exchanges and complete those past their deadline; never
         *     the common {@code ForkJoinPool}
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Optional.ofNullable(executor);
            return this;
        }

        /**
         * See {@link AramexConfig#probe()}. Default {@link #DEFAULT_PROBE}.
         *
         * @param probe the quote to send as a breaker trial
         * @return this builder
         */
        public Builder probe(RateRequest probe) {
            this.probe = probe;
            return this;
        }

        /**
         * The validated configuration.
         *
         * @return a new {@link AramexConfig}; later changes to this builder do not affect it
         * @throws InvalidValueException naming the first component that is missing or out of range
         */
        public AramexConfig build() {
            Duration connect = connectTimeout;
            if (connect == null && timeout != null && timeout.compareTo(DEFAULT_CONNECT_TIMEOUT) < 0) {
                connect = timeout;
            } else if (connect == null) {
                connect = DEFAULT_CONNECT_TIMEOUT;
            }
            return new AramexConfig(
                    baseUrl,
                    userName,
                    password,
                    accountNumber,
                    accountPin,
                    accountEntity,
                    accountCountryCode,
                    version,
                    source,
                    connect,
                    timeout,
                    circuitBreaker,
                    clock,
                    executor,
                    probe);
        }
    }
}
