package io.haderos.shipping.bootstrap;

import io.haderos.shipping.adapter.alerts.EmailSettings;
import io.haderos.shipping.adapter.alerts.SlackSettings;
import io.haderos.shipping.adapter.jdbi.Database;
import io.haderos.shipping.adapter.resilience4j.CircuitBreakerSettings;
import io.haderos.shipping.adapter.resilience4j.SlowCallThresholds;
import io.haderos.shipping.adapter.rest.ClientTokens;
import io.haderos.shipping.domain.model.Address;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.ClientId;
import io.haderos.shipping.domain.model.CountryCode;
import io.haderos.shipping.domain.model.InvalidValueException;
import io.haderos.shipping.domain.model.Party;
import io.haderos.shipping.domain.model.RateRequest;
import io.haderos.shipping.domain.model.Weight;
import io.haderos.shipping.domain.policy.RetentionPeriods;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.eclipse.microprofile.config.Config;

/**
 * Every setting of the gateway, read once at start-up and validated: a bad value stops start-up with an
 * {@link InvalidSettingException} naming its key.
 *
 * @param hedgeDelay {@code rates.hedge-delay}: empty for {@code auto} (each carrier's recent latency), zero for
 *     no hedging, else a fixed delay
 * @param cluster    {@code cluster.*}: how instances sharing the database see each other
 * @param retention  {@code audit.retention-days} and {@code orders.personal-data-days}: how long the audit trail and
 *     orders' personal data are kept
 * @param carriersByCredentials whether {@code carriers.order} was left unset with real credentials, so that the
 *     carriers are those with credentials, in the default order
 * @param api who may call the API, and how often
 * @param maxBodyBytes {@code http.max-body-bytes}: the largest request body accepted
 * @param tls {@code http.tls.keystore}: serve HTTPS with this context instead of HTTP
 * @param smsaExampleTariff {@code smsa.example-tariff}: real SMSA credentials may quote the bundled example tariff
 * @param heldOrders {@code orders.reconcile-interval}, {@code orders.held-alert-age}: held orders
 */
record GatewaySettings(
        String httpHost,
        int httpPort,
        List<CarrierId> carrierOrder,
        Map<CarrierId, CircuitBreakerSettings> breakers,
        AramexAccount aramex,
        SmsaAccount smsa,
        Party defaultShipper,
        Optional<SandboxPorts> sandbox,
        Database.Settings database,
        String instanceName,
        Optional<String> adminToken,
        Alerting alerting,
        Optional<Duration> hedgeDelay,
        Cluster cluster,
        RetentionPeriods retention,
        boolean carriersByCredentials,
        ApiAccess api,
        long maxBodyBytes,
        Optional<SSLContext> tls,
        boolean smsaExampleTariff,
        HeldOrders heldOrders) {

    /**
     * Orders held because their outcome at the carrier is unknown (docs/architecture.md#held-orders).
     *
     * @param reconcileInterval {@code orders.reconcile-interval}: between the reconciler's passes, which also recount
     *                          the held orders for metrics and monitoring
     * @param alertAge          {@code orders.held-alert-age}: monitoring alerts while an order has been held longer
     */
    record HeldOrders(Duration reconcileInterval, Duration alertAge) {}

    /**
     * Every setting as a record prints it, but {@code admin.token} masked: the other secrets' own types mask
     * themselves (carrier accounts, database, alert channels), a plain string cannot.
     */
    @Override
    public String toString() {
        StringJoiner settings = new StringJoiner(", ", "GatewaySettings[", "]");
        for (RecordComponent component : GatewaySettings.class.getRecordComponents()) {
            Object value =
                    component.getName().equals("adminToken") ? adminToken.map(token -> "***") : valueOf(component);
            settings.add(component.getName() + "=" + value);
        }
        return settings.toString();
    }

    private Object valueOf(RecordComponent component) {
        try {
            return component.getAccessor().invoke(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * How instances tell each other they are alive (docs/architecture.md#instances-and-heartbeats).
     *
     * @param heartbeatInterval {@code cluster.heartbeat-interval}: between heartbeats
     * @param heartbeatTimeout  {@code cluster.heartbeat-timeout}: without a heartbeat this long, an instance is stale
     */
    record Cluster(Duration heartbeatInterval, Duration heartbeatTimeout) {}

    /** Where outage alerts go (docs/architecture.md#operations): a Slack incoming webhook, SMTP recipients, both or neither. */
    record Alerting(Optional<SlackSettings> slack, Optional<EmailSettings> email) {}

    static final List<CarrierId> KNOWN_CARRIERS = List.of(CarrierId.ARAMEX, CarrierId.SMSA);
    private static final int MAX_TIMEOUT_SECONDS = 300;
    private static final int MAX_RECOVERY_SECONDS = 86_400;
    private static final int MAX_RETENTION_DAYS = 36_500;
    /** Shorter operator tokens are refused: they could be guessed. */
    static final int MIN_ADMIN_TOKEN_LENGTH = 16;

    /** Per-client requests per second when the gateway uses real carriers and {@code api.rate-limit} is unset. */
    static final String DEFAULT_RATE_LIMIT = "50";

    /** Requests per second: up to six digits and three decimals. */
    private static final Pattern RATE = Pattern.compile("\\d{1,6}(\\.\\d{1,3})?");

    private static final List<String> ARAMEX_CREDENTIALS =
            List.of("aramex.username", "aramex.password", "aramex.account-number", "aramex.account-pin");

    /**
     * Who may call the shipping API (docs/architecture.md#security).
     *
     * @param clients        the clients and the digests of their tokens; {@link ClientTokens#anonymous()} when none
     * @param allowAnonymous {@code api.allow-anonymous}: real carriers without client authentication, knowingly
     * @param rateLimit      each client's limit; empty when off
     * @param ownRateLimits  {@code api.client-rate-limits}: clients with a limit of their own (empty: none)
     */
    record ApiAccess(
            ClientTokens clients,
            boolean allowAnonymous,
            Optional<RateLimit> rateLimit,
            Map<ClientId, Optional<RateLimit>> ownRateLimits) {}

    /**
     * A client's rate limit: on average {@code perSecond} requests a second, and at most {@code burst} at once.
     *
     * @param perSecond {@code api.rate-limit}, fractions allowed
     * @param burst     {@code api.rate-limit-burst}
     */
    record RateLimit(BigDecimal perSecond, int burst) {}

    /** Aramex's endpoint and account; the credentials are absent in sandbox mode. */
    record AramexAccount(
            URI baseUrl,
            Optional<String> userName,
            Optional<String> password,
            Optional<String> accountNumber,
            Optional<String> accountPin,
            String accountEntity,
            String accountCountryCode,
            Duration timeout,
            RateRequest probe) {

        @Override
        public String toString() {
            return "AramexAccount[baseUrl=" + baseUrl + ", userName=" + userName.orElse("-")
                    + ", password=***, pin=***]";
        }
    }

    /** SMSA's endpoint, key and tariff; the key is absent in sandbox mode. */
    record SmsaAccount(
            URI baseUrl,
            Optional<String> apiKey,
            Optional<Path> tariffFile,
            Duration timeout,
            Optional<String> probeAwb) {

        @Override
        public String toString() {
            return "SmsaAccount[baseUrl=" + baseUrl + ", apiKey=***, tariffFile=" + tariffFile.orElse(null) + "]";
        }
    }

    /** Where the sandbox listens (docs/architecture.md#sandbox); 0 picks a free port. */
    record SandboxPorts(String host, int controlPort, int aramexPort, int smsaPort) {}

    static GatewaySettings from(Config config) {
        SettingsReader read = new SettingsReader(config);
        Optional<List<CarrierId>> explicitOrder =
                read.optional("carriers.order").map(raw -> carrierOrder(read));
        List<CarrierId> order = explicitOrder.orElse(KNOWN_CARRIERS);
        breakerSettings(read, ""); // the global values are validated even when every carrier overrides them
        AramexAccount aramex = new AramexAccount(
                read.httpUrl("aramex.base-url"),
                read.optional("aramex.username"),
                read.optional("aramex.password"),
                read.optional("aramex.account-number"),
                read.optional("aramex.account-pin"),
                read.required("aramex.account-entity"),
                read.required("aramex.account-country-code"),
                read.seconds("aramex.timeout", 1, MAX_TIMEOUT_SECONDS),
                aramexProbe(read));
        SmsaAccount smsa = new SmsaAccount(
                read.httpUrl("smsa.base-url"),
                read.optional("smsa.api-key"),
                read.path("smsa.tariff-file"),
                read.seconds("smsa.timeout", 1, MAX_TIMEOUT_SECONDS),
                smsaProbe(read));
        List<CarrierId> withCredentials = carriersWithCredentials(read);
        Optional<SandboxPorts> sandbox = read.bool("sandbox.enabled", withCredentials.isEmpty())
                ? Optional.of(new SandboxPorts(
                        read.required("sandbox.host"),
                        read.integer("sandbox.port", 0, 65535),
                        read.integer("sandbox.aramex-port", 0, 65535),
                        read.integer("sandbox.smsa-port", 0, 65535)))
                : Optional.empty();
        boolean carriersByCredentials = sandbox.isEmpty() && explicitOrder.isEmpty() && !withCredentials.isEmpty();
        if (carriersByCredentials) {
            order = withCredentials;
        }
        if (sandbox.isEmpty()) {
            requireCredentials(read, order);
        }
        boolean smsaExampleTariff = read.bool("smsa.example-tariff", false);
        if (sandbox.isEmpty()
                && order.contains(CarrierId.SMSA)
                && smsa.tariffFile().isEmpty()
                && !smsaExampleTariff) {
            throw new InvalidSettingException(
                    "smsa.tariff-file",
                    "is required with real SMSA credentials: SMSA has no rate API, and the bundled tariff holds "
                            + "example prices, not yours; set smsa.example-tariff=true to quote them anyway");
        }
        ApiAccess api = apiAccess(read, sandbox.isPresent());
        Map<CarrierId, CircuitBreakerSettings> breakers = new LinkedHashMap<>();
        for (CarrierId carrier : order) {
            breakers.put(carrier, breakerSettings(read, carrier.value() + "."));
        }
        checkLoggingFormat(read);
        return new GatewaySettings(
                read.required("http.host"),
                read.integer("http.port", 0, 65535),
                order,
                breakers,
                aramex,
                smsa,
                shipper(read),
                sandbox,
                database(read),
                instanceName(read),
                adminToken(read),
                alerting(read),
                hedgeDelay(read),
                cluster(read),
                retention(read),
                carriersByCredentials,
                api,
                read.integer("http.max-body-bytes", 1024, 64 * 1024 * 1024),
                tls(read),
                smsaExampleTariff,
                heldOrders(read));
    }

    /** {@code orders.reconcile-interval} 1 s to 1 h; {@code orders.held-alert-age} 0 to 7 days, in seconds. */
    private static HeldOrders heldOrders(SettingsReader read) {
        return new HeldOrders(
                read.seconds("orders.reconcile-interval", 1, 3600), read.seconds("orders.held-alert-age", 0, 604_800));
    }

    /** The carriers whose credentials are given, in the default order; Aramex counts when any of its keys is set. */
    private static List<CarrierId> carriersWithCredentials(SettingsReader read) {
        List<CarrierId> given = new ArrayList<>();
        if (ARAMEX_CREDENTIALS.stream().anyMatch(key -> read.optional(key).isPresent())) {
            given.add(CarrierId.ARAMEX);
        }
        if (read.optional("smsa.api-key").isPresent()) {
            given.add(CarrierId.SMSA);
        }
        return List.copyOf(given);
    }

    /**
     * {@code api.clients}, {@code api.allow-anonymous}, {@code api.rate-limit} and {@code api.rate-limit-burst}. Real
     * carriers need clients, or the explicit anonymous opt-in. Values of {@code api.clients} are never repeated: an
     * entry may be a token pasted by mistake.
     */
    private static ApiAccess apiAccess(SettingsReader read, boolean sandbox) {
        ClientTokens clients =
                read.optional("api.clients").map(GatewaySettings::clients).orElse(ClientTokens.anonymous());
        boolean allowAnonymous = read.bool("api.allow-anonymous", false);
        if (!sandbox && !clients.required() && !allowAnonymous) {
            throw new InvalidSettingException(
                    "api.clients",
                    "is required when the gateway uses real carrier credentials: name each client with the SHA-256 "
                            + "of its token (name:sha256hex,...), or set api.allow-anonymous=true to serve anyone");
        }
        String key = "api.rate-limit";
        String raw = read.optional(key).orElse(sandbox ? "0" : DEFAULT_RATE_LIMIT);
        if (!RATE.matcher(raw).matches()) {
            throw read.invalid(key, raw, "must be requests per second such as 50 or 0.5 (0 turns the limit off)");
        }
        int burst = read.integer("api.rate-limit-burst", 1, 1_000_000);
        return new ApiAccess(
                clients, allowAnonymous, rateLimit(new BigDecimal(raw), burst), ownRateLimits(read, clients, burst));
    }

    private static Optional<RateLimit> rateLimit(BigDecimal perSecond, int burst) {
        return perSecond.signum() == 0 ? Optional.empty() : Optional.of(new RateLimit(perSecond, burst));
    }

    /** {@code api.client-rate-limits}: {@code name:rate} or {@code name:rate:burst}, for clients of api.clients. */
    private static Map<ClientId, Optional<RateLimit>> ownRateLimits(
            SettingsReader read, ClientTokens clients, int defaultBurst) {
        String key = "api.client-rate-limits";
        Optional<String> raw = read.optional(key);
        if (raw.isEmpty()) {
            return Map.of();
        }
        List<ClientId> known = clients.required() ? clients.clients() : List.of(ClientId.ANONYMOUS);
        Map<ClientId, Optional<RateLimit>> limits = new LinkedHashMap<>();
        String[] entries = raw.get().split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String[] parts = entries[i].strip().split(":", -1);
            String at = "entry " + (i + 1) + " ";
            if (parts.length < 2
                    || parts.length > 3
                    || !RATE.matcher(parts[1].strip()).matches()) {
                throw read.invalid(key, raw.get(), at + "must be name:rate or name:rate:burst (rate per second)");
            }
            ClientId client = known.stream()
                    .filter(id -> id.value().equals(parts[0].strip()))
                    .findFirst()
                    .orElseThrow(() -> read.invalid(key, raw.get(), at + "names no client of api.clients"));
            int burst = defaultBurst;
            if (parts.length == 3) {
                try {
                    burst = Integer.parseInt(parts[2].strip());
                } catch (NumberFormatException e) {
                    burst = 0;
                }
                if (burst < 1 || burst > 1_000_000) {
                    throw read.invalid(key, raw.get(), at + "must have a burst between 1 and 1000000");
                }
            }
            if (limits.put(client, rateLimit(new BigDecimal(parts[1].strip()), burst)) != null) {
                throw read.invalid(key, raw.get(), at + "names a client already named before it");
            }
        }
        return Map.copyOf(limits);
    }

    /** {@code name:sha256hex,...}; entries are named by position only. */
    private static ClientTokens clients(String raw) {
        Map<ClientId, String> digests = new LinkedHashMap<>();
        String[] entries = raw.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            String at = "entry " + (i + 1) + " ";
            int colon = entry.indexOf(':');
            if (colon < 0 || colon != entry.lastIndexOf(':')) {
                throw new InvalidSettingException(
                        "api.clients",
                        at + "must be name:sha256hex (the SHA-256 of the client's token, never the token)");
            }
            ClientId client;
            try {
                client = ClientId.of(entry.substring(0, colon).strip());
            } catch (InvalidValueException e) {
                throw new InvalidSettingException("api.clients", at + "has a client name that " + e.reason());
            }
            if (digests.put(client, entry.substring(colon + 1).strip()) != null) {
                throw new InvalidSettingException("api.clients", at + "names a client already named before it");
            }
        }
        try {
            return ClientTokens.of(digests);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("api.clients", e.getMessage());
        }
    }

    /** {@code http.tls.keystore} and {@code http.tls.keystore-password}: a PKCS#12 key store with the server's key. */
    private static Optional<SSLContext> tls(SettingsReader read) {
        Optional<Path> keystore = read.path("http.tls.keystore");
        if (keystore.isEmpty()) {
            return Optional.empty();
        }
        char[] password = read.required("http.tls.keystore-password").toCharArray();
        try (InputStream in = Files.newInputStream(keystore.get())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return Optional.of(context);
        } catch (IOException | GeneralSecurityException e) {
            // The message of a wrong password says so without repeating it; a missing file names the file.
            throw new InvalidSettingException(
                    "http.tls.keystore",
                    "cannot be used as a PKCS#12 key store with http.tls.keystore-password: "
                            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    /** {@code cluster.heartbeat-interval} 1–300 s; {@code cluster.heartbeat-timeout} at least twice that, up to 1 h. */
    private static Cluster cluster(SettingsReader read) {
        Duration interval = read.seconds("cluster.heartbeat-interval", 1, 300);
        String timeoutKey = "cluster.heartbeat-timeout";
        Duration timeout = read.seconds(timeoutKey, 2, 3600);
        if (timeout.compareTo(interval.multipliedBy(2)) < 0) {
            throw read.invalid(
                    timeoutKey,
                    String.valueOf(timeout.toSeconds()),
                    "must be at least twice cluster.heartbeat-interval (" + interval.toSeconds()
                            + " s), so that one late heartbeat does not make an instance look dead");
        }
        return new Cluster(interval, timeout);
    }

    /** {@code audit.retention-days} and {@code orders.personal-data-days}: whole days, at least one, at most 100 years. */
    private static RetentionPeriods retention(SettingsReader read) {
        return new RetentionPeriods(
                Duration.ofDays(read.integer("audit.retention-days", 1, MAX_RETENTION_DAYS)),
                Duration.ofDays(read.integer("orders.personal-data-days", 1, MAX_RETENTION_DAYS)));
    }

    /**
     * {@code logging.format}: {@code text} or {@code json}. Logback reads it itself when logging starts, before these
     * settings; checked here so that a mistyped value stops the gateway instead of leaving it silent.
     */
    private static void checkLoggingFormat(SettingsReader read) {
        String key = "logging.format";
        String format = read.optional(key).orElse("text");
        if (!format.equals("text") && !format.equals("json")) {
            throw read.invalid(key, format, "must be text or json");
        }
    }

    /** {@code rates.hedge-delay}: {@code auto}, or seconds (0 turns hedging off). */
    private static Optional<Duration> hedgeDelay(SettingsReader read) {
        String key = "rates.hedge-delay";
        String raw = read.required(key);
        if (raw.equalsIgnoreCase("auto")) {
            return Optional.empty();
        }
        try {
            return Optional.of(read.decimalSeconds(key, key, Duration.ZERO, Duration.ofSeconds(MAX_TIMEOUT_SECONDS)));
        } catch (InvalidSettingException e) {
            throw read.invalid(key, raw, "must be auto, or seconds such as 0.5 (0 turns hedging off)");
        }
    }

    /** {@code aramex.probe.*}: the route quoted as a breaker trial when no client asks Aramex anything. */
    private static RateRequest aramexProbe(SettingsReader read) {
        String prefix = "aramex.probe.";
        try {
            return RateRequest.of(
                    Address.of(
                            CountryCode.of(read.required(prefix + "origin-country")),
                            read.required(prefix + "origin-city")),
                    Address.of(
                            CountryCode.of(read.required(prefix + "destination-country")),
                            read.required(prefix + "destination-city")),
                    Weight.ofKilograms(read.required(prefix + "weight-kg")));
        } catch (InvalidValueException e) {
            String field = SettingsReader.keyOf(e.field().replace("address.", ""));
            throw new InvalidSettingException(prefix + field, e.reason());
        }
    }

    /** {@code smsa.probe.awb}: an AWB SMSA knows, for trials before the gateway has created an SMSA shipment. */
    private static Optional<String> smsaProbe(SettingsReader read) {
        Optional<String> awb = read.optional("smsa.probe.awb");
        awb.filter(value -> !value.matches("[A-Za-z0-9_-]{1,64}")).ifPresent(value -> {
            throw read.invalid("smsa.probe.awb", value, "must be 1 to 64 letters, digits, '-' or '_'");
        });
        return awb;
    }

    /** {@code alerts.slack.webhook-url}; {@code alerts.email.host} with the other {@code alerts.email.*} keys. */
    private static Alerting alerting(SettingsReader read) {
        Optional<SlackSettings> slack = read.optional("alerts.slack.webhook-url")
                .map(raw -> {
                    URI url = read.httpUrl("alerts.slack.webhook-url");
                    try {
                        return new SlackSettings(url, read.seconds("alerts.slack.timeout", 1, MAX_TIMEOUT_SECONDS));
                    } catch (InvalidValueException e) {
                        throw new InvalidSettingException("alerts.slack.webhook-url", e.reason());
                    }
                });
        Optional<EmailSettings> email = read.optional("alerts.email.host").map(host -> {
            String prefix = "alerts.email.";
            int port = read.integer(prefix + "port", 1, 65535);
            List<String> to = Arrays.stream(read.required(prefix + "to").split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
            try {
                return new EmailSettings(
                        host,
                        port,
                        read.optional(prefix + "username"),
                        read.optional(prefix + "password"),
                        read.required(prefix + "from"),
                        to,
                        read.bool(prefix + "starttls", true),
                        read.seconds(prefix + "timeout", 1, MAX_TIMEOUT_SECONDS));
            } catch (InvalidValueException e) {
                throw new InvalidSettingException(prefix + SettingsReader.keyOf(e.field()), e.reason());
            }
        });
        return new Alerting(slack, email);
    }

    /** {@code database.*}: H2 or PostgreSQL by JDBC URL. The URL is not repeated in messages: it may hold a password. */
    private static Database.Settings database(SettingsReader read) {
        String url = read.required("database.url");
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new InvalidSettingException(
                    "database.url",
                    "must be an H2 or PostgreSQL JDBC URL (jdbc:h2:file:./data/gateway, jdbc:postgresql://host/db)");
        }
        return new Database.Settings(
                url,
                read.optional("database.username"),
                read.optional("database.password"),
                Optional.empty(),
                read.integer("database.pool-size", 1, 200),
                Duration.ofSeconds(5));
    }

    /** Names this process in the audit trail; each start adds its own suffix, since sequences restart at 1. */
    private static String instanceName(SettingsReader read) {
        String name = read.optional("gateway.instance-name").orElseGet(GatewaySettings::hostName);
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
            throw read.invalid("gateway.instance-name", name, "must be 1 to 63 letters, digits, '.', '-' or '_'");
        }
        return name;
    }

    private static String hostName() {
        try {
            String host = InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "-");
            return host.isEmpty() || !Character.isLetterOrDigit(host.charAt(0)) ? "gateway" : host;
        } catch (UnknownHostException e) {
            return "gateway";
        }
    }

    private static Optional<String> adminToken(SettingsReader read) {
        Optional<String> token = read.optional("admin.token");
        if (token.isPresent() && token.get().length() < MIN_ADMIN_TOKEN_LENGTH) {
            throw new InvalidSettingException(
                    "admin.token", "must be at least " + MIN_ADMIN_TOKEN_LENGTH + " characters long");
        }
        return token;
    }

    private static List<CarrierId> carrierOrder(SettingsReader read) {
        String raw = read.required("carriers.order");
        List<CarrierId> order = new ArrayList<>();
        for (String name : Arrays.stream(raw.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList()) {
            CarrierId carrier = KNOWN_CARRIERS.stream()
                    .filter(c -> c.value().equals(name))
                    .findFirst()
                    .orElseThrow(() -> read.invalid(
                            "carriers.order", raw, "names an unknown carrier '" + name + "' (known: aramex, smsa)"));
            if (order.contains(carrier)) {
                throw read.invalid("carriers.order", raw, "names " + name + " twice");
            }
            order.add(carrier);
        }
        if (order.isEmpty()) {
            throw read.invalid("carriers.order", raw, "must name at least one carrier");
        }
        return List.copyOf(order);
    }

    /** The global breaker numbers, or a carrier's overrides ({@code aramex.circuit-breaker.*}) over them. */
    private static CircuitBreakerSettings breakerSettings(SettingsReader read, String prefix) {
        String global = "circuit-breaker.";
        String own = prefix + global;
        int max = CircuitBreakerSettings.MAX_THRESHOLD;
        String slow = "slow-call-threshold.";
        Duration least = Duration.ofMillis(100);
        Duration most = Duration.ofSeconds(MAX_TIMEOUT_SECONDS);
        return new CircuitBreakerSettings(
                read.integer(own + "failure-threshold", global + "failure-threshold", 1, max),
                read.seconds(own + "recovery-timeout", global + "recovery-timeout", 1, MAX_RECOVERY_SECONDS),
                read.integer(own + "success-threshold", global + "success-threshold", 1, max),
                new SlowCallThresholds(
                        read.decimalSeconds(own + slow + "rates", global + slow + "rates", least, most),
                        read.decimalSeconds(own + slow + "ship", global + slow + "ship", least, most),
                        read.decimalSeconds(own + slow + "tracking", global + slow + "tracking", least, most)),
                read.integer(
                        prefix + "max-concurrent-calls",
                        "carrier.max-concurrent-calls",
                        1,
                        CircuitBreakerSettings.MAX_CONCURRENT_CALLS));
    }

    private static void requireCredentials(SettingsReader read, List<CarrierId> order) {
        if (order.contains(CarrierId.ARAMEX)) {
            ARAMEX_CREDENTIALS.forEach(read::required);
        }
        if (order.contains(CarrierId.SMSA)) {
            read.required("smsa.api-key");
        }
    }

    private static Party shipper(SettingsReader read) {
        try {
            Address address = new Address(
                    CountryCode.of(read.required("shipper.country")),
                    read.required("shipper.city"),
                    read.required("shipper.line1"),
                    read.optional("shipper.line2").orElse(""),
                    read.optional("shipper.postal-code").orElse(""));
            return new Party(
                    read.required("shipper.name"),
                    read.optional("shipper.company").orElse(""),
                    read.required("shipper.phone"),
                    read.optional("shipper.email").orElse(""),
                    address);
        } catch (InvalidValueException e) {
            String key = "shipper." + SettingsReader.keyOf(e.field().replace("address.", ""));
            throw new InvalidSettingException(key, e.reason());
        }
    }
}
