package io.haderos.shipping.bootstrap;

import io.haderos.shipping.adapter.alerts.EmailAlertNotifier;
import io.haderos.shipping.adapter.alerts.RetryPolicy;
import io.haderos.shipping.adapter.alerts.SlackAlertNotifier;
import io.haderos.shipping.adapter.aramex.AramexConfig;
import io.haderos.shipping.adapter.aramex.AramexShippingCarrier;
import io.haderos.shipping.adapter.jdbi.Database;
import io.haderos.shipping.adapter.jdbi.JdbiCircuitTransitionLog;
import io.haderos.shipping.adapter.jdbi.JdbiDataRetention;
import io.haderos.shipping.adapter.jdbi.JdbiFleetOutages;
import io.haderos.shipping.adapter.jdbi.JdbiFleetOverrideStore;
import io.haderos.shipping.adapter.jdbi.JdbiGatewayInstances;
import io.haderos.shipping.adapter.jdbi.JdbiShipmentStore;
import io.haderos.shipping.adapter.resilience4j.CarrierCircuitBreaker;
import io.haderos.shipping.adapter.resilience4j.Resilience4jCircuitBreakers;
import io.haderos.shipping.adapter.rest.ClientTokens;
import io.haderos.shipping.adapter.rest.ShippingRestApi;
import io.haderos.shipping.adapter.smsa.SmsaConfig;
import io.haderos.shipping.adapter.smsa.SmsaShippingCarrier;
import io.haderos.shipping.application.port.out.AlertSource;
import io.haderos.shipping.application.port.out.CarrierCallObserver;
import io.haderos.shipping.application.port.out.ReadinessCheck;
import io.haderos.shipping.application.service.CheckReadinessService;
import io.haderos.shipping.application.service.DataRetentionJob;
import io.haderos.shipping.application.service.FetchLabelService;
import io.haderos.shipping.application.service.FindShipmentService;
import io.haderos.shipping.application.service.FleetOverrideSync;
import io.haderos.shipping.application.service.HeldOrderReconciler;
import io.haderos.shipping.application.service.HeldOrderWatch;
import io.haderos.shipping.application.service.InstanceHeartbeat;
import io.haderos.shipping.application.service.ListHeldOrdersService;
import io.haderos.shipping.application.service.MonitorCircuitBreakersService;
import io.haderos.shipping.application.service.OutageAlerting;
import io.haderos.shipping.application.service.OverrideCircuitBreakerService;
import io.haderos.shipping.application.service.QuoteRatesService;
import io.haderos.shipping.application.service.ReadCircuitTransitionsService;
import io.haderos.shipping.application.service.ResolveShipmentService;
import io.haderos.shipping.application.service.ShipOrderService;
import io.haderos.shipping.application.service.TrackShipmentService;
import io.haderos.shipping.application.service.TrialProbes;
import io.haderos.shipping.bootstrap.GatewaySettings.AramexAccount;
import io.haderos.shipping.bootstrap.GatewaySettings.SmsaAccount;
import io.haderos.shipping.bootstrap.http.HttpEdge;
import io.haderos.shipping.bootstrap.metrics.GatewayMetrics;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.ClientId;
import io.haderos.shipping.domain.policy.AlertPolicy;
import io.haderos.shipping.domain.policy.FallbackPolicy;
import io.haderos.shipping.domain.policy.HedgeDelay;
import io.haderos.shipping.domain.port.out.AlertNotifier;
import io.haderos.shipping.domain.port.out.CircuitTransitionListener;
import io.haderos.shipping.domain.port.out.FleetOverrideStore;
import io.haderos.shipping.domain.port.out.GatewayInstances;
import io.haderos.shipping.domain.port.out.ShipmentStore;
import io.haderos.shipping.domain.port.out.ShippingCarrier;
import io.haderos.shipping.domain.port.out.TransitionHistory;
import io.haderos.shipping.sandbox.AramexCredentials;
import io.haderos.shipping.sandbox.Sandbox;
import io.haderos.shipping.sandbox.SandboxSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.eclipse.microprofile.config.Config;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: reads the settings, builds every object by hand, and serves the REST API on Grizzly.
 * Nothing else in the gateway knows how the parts fit together.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final HttpServer server;
    private final Optional<Sandbox> sandbox;
    /** What to close after the HTTP server, in this order: flush the audit trail before the database goes. */
    private final List<AutoCloseable> parts;

    private final URI baseUri;

    private Gateway(HttpServer server, Optional<Sandbox> sandbox, List<AutoCloseable> parts, URI baseUri) {
        this.server = server;
        this.sandbox = sandbox;
        this.parts = List.copyOf(parts);
        this.baseUri = baseUri;
    }

    /**
     * Starts the gateway described by {@code config}.
     *
     * @throws InvalidSettingException naming the key, when a setting is invalid or its database cannot be opened
     * @throws UncheckedIOException    when a port cannot be bound
     */
    public static Gateway start(Config config) {
        return start(GatewaySettings.from(config), Clock.systemUTC());
    }

    static Gateway start(GatewaySettings settings, Clock clock) {
        // Closed in reverse order of opening when start-up fails; kept for close() when it succeeds.
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        // Independent of each other and of most of the wiring, so each runs on a thread of its own from the start:
        // the stand-ins, the database (pool and migrations), the TLS context and Jersey; the listener opens only once
        // all is wired.
        StartupTasks tasks = new StartupTasks();
        CompletableFuture<UseCases> useCasesInTheMaking = new CompletableFuture<>();
        try {
            StartupTasks.Task<Optional<StandIns>> standInsTask = tasks.start(
                    "sandbox",
                    () -> settings.sandbox().map(Gateway::startSandbox),
                    started -> started.ifPresent(standIns -> standIns.sandbox().close()));
            StartupTasks.Task<Database> databaseTask =
                    tasks.start("database", () -> openDatabase(settings), Database::close);
            // The carriers' HTTP clients need the JDK's default TLS context (trust store, providers) even for plain
            // HTTP; made here, it is ready when the wiring builds them after the database.
            tasks.start("tls", SSLContext::getDefault, context -> {});
            GatewayMetrics metrics = push(opened, GatewayMetrics.create(settings.carrierOrder()));
            String scheme = settings.tls().isPresent() ? "https" : "http";
            URI baseUri = URI.create(scheme + "://" + settings.httpHost() + ":" + settings.httpPort() + "/");
            StartupTasks.Task<HttpServer> serverTask = tasks.start(
                    "jersey",
                    () -> HttpEdge.create(
                            baseUri,
                            resourceConfig(settings, useCasesInTheMaking, metrics),
                            settings.tls(),
                            settings.maxBodyBytes()),
                    HttpServer::shutdownNow);
            Optional<StandIns> standIns = standInsTask.join();
            Optional<Sandbox> sandbox = standIns.map(StandIns::sandbox);
            sandbox.ifPresent(opened::push);
            LoggingTransitionListener transitionLog = push(opened, new LoggingTransitionListener());
            Database database = push(opened, databaseTask.join());
            JdbiCircuitTransitionLog auditTrail = push(
                    opened,
                    new JdbiCircuitTransitionLog(
                            database.jdbi(),
                            JdbiCircuitTransitionLog.uniqueInstanceId(settings.instanceName()),
                            clock));
            List<AlertSource> alertSources =
                    new ArrayList<>(List.of(auditTrail, ConfigurationAlerts.of(settings, clock.instant())));
            List<AlertNotifier> notifiers = new ArrayList<>();
            Optional<SlackAlertNotifier> slack = settings.alerting()
                    .slack()
                    .map(slackSettings ->
                            push(opened, SlackAlertNotifier.start(slackSettings, RetryPolicy.DEFAULT, clock)));
            Optional<EmailAlertNotifier> email = settings.alerting()
                    .email()
                    .map(emailSettings ->
                            push(opened, EmailAlertNotifier.start(emailSettings, RetryPolicy.DEFAULT, clock)));
            slack.ifPresent(notifiers::add);
            slack.ifPresent(alertSources::add);
            email.ifPresent(notifiers::add);
            email.ifPresent(alertSources::add);
            metrics.bindAuditTrail(auditTrail::backlog);
            slack.ifPresent(
                    notifier -> metrics.bindAlertChannel("slack", notifier::failedAttempts, notifier::droppedNotices));
            email.ifPresent(
                    notifier -> metrics.bindAlertChannel("email", notifier::failedAttempts, notifier::droppedNotices));
            OutageAlerting outageAlerting = push(
                    opened,
                    new OutageAlerting(
                            new JdbiFleetOutages(
                                    database.jdbi(),
                                    auditTrail.instanceId(),
                                    settings.cluster().heartbeatTimeout()),
                            notifiers,
                            Threads.single("outage-notices")));
            CircuitTransitionListener listener = CircuitTransitionListener.all(
                    List.of(auditTrail, metrics.transitionListener(), outageAlerting, transitionLog));

            Threads threads = push(opened, Threads.start(settings.database().poolSize()));

            List<CarrierCircuitBreaker> breakers = new ArrayList<>();
            List<ShippingCarrier> carriers = new ArrayList<>();
            for (CarrierId id : settings.carrierOrder()) {
                CarrierCircuitBreaker breaker =
                        CarrierCircuitBreaker.create(id, settings.breakers().get(id), clock, listener, threads.timer());
                breakers.add(breaker);
                carriers.add(carrier(id, settings, standIns, breaker, threads));
            }
            metrics.bindCircuitBreakers(breakers);
            Map<CarrierId, HedgeDelay> hedgeDelays = hedgeDelays(settings);
            metrics.bindHedgeDelays(hedgeDelays);
            Resilience4jCircuitBreakers circuitBreakers = new Resilience4jCircuitBreakers(breakers);
            // Recorded before any breaker can move: the fleet counts this instance among the live ones.
            JdbiGatewayInstances instances = new JdbiGatewayInstances(database.jdbi());
            push(
                    opened,
                    new InstanceHeartbeat(
                                    instances,
                                    auditTrail.instanceId(),
                                    settings.instanceName(),
                                    settings.cluster().heartbeatInterval(),
                                    threads.timer(),
                                    threads.database(),
                                    clock)
                            .start());
            push(opened, retention(settings, database, threads, clock));
            // Before serving: the fleet's orders in force hold this instance's breakers from its first request.
            JdbiFleetOverrideStore overrideStore = new JdbiFleetOverrideStore(database);
            FleetOverrideSync overrideSync = push(
                    opened,
                    new FleetOverrideSync(overrideStore, circuitBreakers, threads.timer(), threads.database(), clock)
                            .start());
            push(opened, overrideStore.listen(overrideSync::refreshSoon));
            alertSources.add(overrideSync);
            JdbiShipmentStore store = new JdbiShipmentStore(database.jdbi());
            HeldOrderWatch heldOrders =
                    new HeldOrderWatch(store, settings.heldOrders().alertAge(), clock);
            heldOrders.refresh();
            alertSources.add(heldOrders);
            metrics.bindHeldOrders(heldOrders::count, heldOrders::oldestAgeSeconds);
            Parts parts = new Parts(
                    carriers,
                    circuitBreakers,
                    store,
                    auditTrail,
                    alertSources,
                    databaseCheck(database),
                    CarrierCallObserver.all(List.of(metrics.carrierCallObserver(), new CarrierCallLog())),
                    hedgeDelays,
                    threads,
                    overrideStore,
                    overrideSync,
                    instances,
                    heldOrders);
            UseCases useCases = useCases(settings, clock, parts);
            useCasesInTheMaking.complete(useCases);
            push(
                    opened,
                    new HeldOrderReconciler(
                                    store,
                                    carriers,
                                    circuitBreakers,
                                    useCases.resolveShipment(),
                                    heldOrders,
                                    new ReconcilerLog(),
                                    settings.heldOrders().reconcileInterval(),
                                    threads.timer(),
                                    threads.database(),
                                    clock)
                            .start());
            push(opened, new TrialProbes(carriers, circuitBreakers, parts.observer(), threads.timer(), clock).start());

            HttpServer server = serverTask.join();
            server.start();
            int port = server.getListener("grizzly").getPort();
            URI boundUri = URI.create(scheme + "://" + settings.httpHost() + ":" + port + "/");
            logAccess(settings);
            LOG.info(
                    "HaderOS shipping gateway {} listening on {} (carriers in order: {}; database: {}; "
                            + "operator actions {})",
                    auditTrail.instanceId(),
                    boundUri,
                    settings.carrierOrder(),
                    database.kind(),
                    settings.adminToken().isPresent() ? "enabled" : "disabled: no admin.token");
            List<AutoCloseable> closeOrder = new ArrayList<>(opened);
            return new Gateway(server, sandbox, closeOrder, boundUri);
        } catch (IOException e) {
            abandon(tasks, useCasesInTheMaking, e, opened);
            throw new UncheckedIOException("cannot listen on " + settings.httpHost() + ":" + settings.httpPort(), e);
        } catch (RuntimeException e) {
            abandon(tasks, useCasesInTheMaking, e, opened);
            throw e;
        }
    }

    /** Where the REST API listens, with the port actually bound. */
    public URI baseUri() {
        return baseUri;
    }

    /** The sandbox, when the gateway runs on stand-in carriers. */
    public Optional<Sandbox> sandbox() {
        return sandbox;
    }

    /**
     * Stops taking requests, lets those in flight finish (up to 10 s), writes every queued transition to the
     * audit trail and every queued alert, then closes the database and the sandbox.
     */
    @Override
    public void close() {
        try {
            server.shutdown(10, TimeUnit.SECONDS).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            server.shutdownNow();
        }
        closeAll(new ArrayDeque<>(parts));
        LOG.info("HaderOS shipping gateway stopped");
    }

    /**
     * The retention job (docs/architecture.md#retention), on a thread of its own: a run may take minutes on a large
     * table, and the database executor serves requests. Closing it stops a run after its current batch.
     */
    private static AutoCloseable retention(GatewaySettings settings, Database database, Threads threads, Clock clock) {
        ExecutorService worker = Threads.single("gateway-retention");
        DataRetentionJob job = new DataRetentionJob(
                        new JdbiDataRetention(database.jdbi()),
                        settings.retention(),
                        threads.timer(),
                        worker,
                        clock,
                        new RetentionLog(settings.retention()))
                .start();
        return () -> {
            job.close();
            worker.shutdown();
            worker.awaitTermination(5, TimeUnit.SECONDS);
        };
    }

    /** The parts the use cases are made of. */
    private record Parts(
            List<ShippingCarrier> carriers,
            Resilience4jCircuitBreakers breakers,
            ShipmentStore store,
            TransitionHistory history,
            List<AlertSource> alertSources,
            ReadinessCheck database,
            CarrierCallObserver observer,
            Map<CarrierId, HedgeDelay> hedgeDelays,
            Threads threads,
            FleetOverrideStore overrideStore,
            FleetOverrideSync overrideSync,
            GatewayInstances instances,
            HeldOrderWatch heldOrders) {}

    /**
     * Each carrier's rate-quote hedge delay ({@code rates.hedge-delay}); the last carrier has none, since there is
     * no one after it to ask.
     */
    private static Map<CarrierId, HedgeDelay> hedgeDelays(GatewaySettings settings) {
        Map<CarrierId, HedgeDelay> delays = new LinkedHashMap<>();
        List<CarrierId> order = settings.carrierOrder();
        for (CarrierId carrier : order.subList(0, order.size() - 1)) {
            HedgeDelay delay = settings.hedgeDelay().map(HedgeDelay::fixed).orElseGet(HedgeDelay::auto);
            if (delay.current().isPresent()) {
                delays.put(carrier, delay);
            }
        }
        return delays;
    }

    private static UseCases useCases(GatewaySettings settings, Clock clock, Parts parts) {
        FallbackPolicy fallbackPolicy = new FallbackPolicy();
        Executor database = parts.threads().database();
        FetchLabelService labels = new FetchLabelService(
                parts.carriers(),
                parts.store(),
                parts.observer(),
                database,
                parts.threads().timer());
        return new UseCases(
                new QuoteRatesService(
                        parts.carriers(),
                        fallbackPolicy,
                        parts.observer(),
                        parts.hedgeDelays(),
                        parts.threads().timer()),
                new ShipOrderService(
                        parts.carriers(),
                        fallbackPolicy,
                        parts.store(),
                        settings.defaultShipper(),
                        clock,
                        parts.observer(),
                        database,
                        Optional.of(labels)),
                new FindShipmentService(parts.store(), clock, database),
                new TrackShipmentService(parts.carriers(), parts.observer()),
                new MonitorCircuitBreakersService(
                        parts.breakers(), new AlertPolicy(), parts.alertSources(), clock, parts.heldOrders()::count),
                new ReadCircuitTransitionsService(
                        parts.history(),
                        parts.instances(),
                        settings.cluster().heartbeatTimeout(),
                        parts.breakers(),
                        clock,
                        database),
                new OverrideCircuitBreakerService(
                        parts.overrideStore(), parts.overrideSync(), parts.breakers(), clock, database),
                new ResolveShipmentService(parts.store(), clock, database),
                new CheckReadinessService(List.of(parts.database()), database),
                labels,
                new ListHeldOrdersService(parts.store(), clock, database));
    }

    private static ResourceConfig resourceConfig(
            GatewaySettings settings, CompletableFuture<UseCases> useCases, GatewayMetrics metrics) {
        ClientTokens clients = settings.api().clients();
        ShippingRestApi api = ShippingRestApi.builder()
                .adminToken(settings.adminToken())
                .clients(clients)
                .rateLimits(ClientRateLimiters.of(
                        settings.api().rateLimit(), settings.api().ownRateLimits()))
                .observer(metrics.accessObserver(clients.required() ? clients.clients() : List.of(ClientId.ANONYMOUS)))
                .maxBodyBytes(settings.maxBodyBytes())
                .build();
        return new ResourceConfig()
                .register(api)
                .register(new UseCaseBinder(useCases))
                .register(metrics.jaxRsFeature())
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
    }

    /** Says at start-up who may use the API, which carriers serve, and which choices deserve a warning. */
    private static void logAccess(GatewaySettings settings) {
        String limit = settings.api()
                .rateLimit()
                .map(rate ->
                        "rate limit " + rate.perSecond().toPlainString() + "/s, burst " + rate.burst() + " per client")
                .orElse("no rate limit");
        ClientTokens clients = settings.api().clients();
        if (!settings.api().ownRateLimits().isEmpty()) {
            limit = limit + "; own limits: "
                    + settings.api().ownRateLimits().entrySet().stream()
                            .map(own -> own.getKey() + " "
                                    + own.getValue()
                                            .map(rate -> rate.perSecond().toPlainString() + "/s, burst " + rate.burst())
                                            .orElse("none"))
                            .sorted()
                            .collect(java.util.stream.Collectors.joining(", "));
        }
        if (clients.required()) {
            LOG.info("clients authenticate by bearer token: {} ({})", clients.clients(), limit);
        } else if (settings.sandbox().isPresent()) {
            LOG.info(
                    "client authentication is off in sandbox mode (no api.clients): every request is the client "
                            + "'{}' ({})",
                    ClientId.ANONYMOUS,
                    limit);
        } else {
            LOG.warn(
                    "CLIENT AUTHENTICATION IS OFF with real carrier credentials (api.allow-anonymous=true): anyone who"
                            + " reaches this gateway can ship on the merchant's carrier accounts as the client '{}' ({})",
                    ClientId.ANONYMOUS,
                    limit);
        }
        if (settings.carriersByCredentials()
                && settings.carrierOrder().size() < GatewaySettings.KNOWN_CARRIERS.size()) {
            LOG.warn(
                    "only {} has credentials, so it serves alone, without a carrier to fall back to (set "
                            + "carriers.order to choose)",
                    settings.carrierOrder());
        }
        if (settings.sandbox().isEmpty() && ConfigurationAlerts.usesExampleTariff(settings)) {
            LOG.warn("SMSA quotes come from the bundled EXAMPLE tariff (smsa.example-tariff=true), not from your SMSA "
                    + "prices: set smsa.tariff-file");
        }
    }

    private static Database openDatabase(GatewaySettings settings) {
        try {
            return Database.open(settings.database());
        } catch (IllegalStateException e) {
            throw new InvalidSettingException("database.url", e.getMessage());
        }
    }

    private static ReadinessCheck databaseCheck(Database database) {
        return new ReadinessCheck() {
            @Override
            public String name() {
                return "database";
            }

            @Override
            public Optional<String> problem() {
                return database.isReachable() ? Optional.empty() : Optional.of("unreachable");
            }
        };
    }

    /** Start-up failed: closes what was opened, once every start-up task has finished (nothing is left running). */
    private static void abandon(
            StartupTasks tasks, CompletableFuture<UseCases> useCases, Exception failure, Deque<AutoCloseable> opened) {
        useCases.completeExceptionally(failure);
        tasks.abandon();
        closeAll(opened);
    }

    private static <T extends AutoCloseable> T push(Deque<AutoCloseable> opened, T part) {
        opened.push(part);
        return part;
    }

    private static void closeAll(Deque<AutoCloseable> parts) {
        while (!parts.isEmpty()) {
            AutoCloseable part = parts.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("could not close {}: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
    }

    private static ShippingCarrier carrier(
            CarrierId id,
            GatewaySettings settings,
            Optional<StandIns> sandbox,
            CarrierCircuitBreaker breaker,
            Threads threads) {
        if (id.equals(CarrierId.ARAMEX)) {
            AramexAccount account =
                    sandbox.map(standIns -> standIns.aramex(settings.aramex())).orElse(settings.aramex());
            return AramexShippingCarrier.create(aramexConfig(account, breaker, threads), breaker);
        }
        if (id.equals(CarrierId.SMSA)) {
            try {
                SmsaAccount account =
                        sandbox.map(standIns -> standIns.smsa(settings.smsa())).orElse(settings.smsa());
                return SmsaShippingCarrier.create(smsaConfig(account, breaker, threads), breaker);
            } catch (IllegalArgumentException e) {
                if (settings.smsa().tariffFile().isPresent()) {
                    throw new InvalidSettingException("smsa.tariff-file", "cannot be used: " + e.getMessage());
                }
                throw e;
            }
        }
        throw new IllegalArgumentException("no adapter for carrier " + id);
    }

    private static AramexConfig aramexConfig(AramexAccount account, CarrierCircuitBreaker breaker, Threads threads) {
        return AramexConfig.builder()
                .baseUrl(account.baseUrl())
                .userName(account.userName().orElseThrow())
                .password(account.password().orElseThrow())
                .accountNumber(account.accountNumber().orElseThrow())
                .accountPin(account.accountPin().orElseThrow())
                .accountEntity(account.accountEntity())
                .accountCountryCode(account.accountCountryCode())
                .timeout(account.timeout())
                .circuitBreaker(breaker.settings())
                .executor(threads.carrierReplies())
                .probe(account.probe())
                .build();
    }

    private static SmsaConfig smsaConfig(SmsaAccount account, CarrierCircuitBreaker breaker, Threads threads) {
        SmsaConfig.Builder builder = SmsaConfig.builder()
                .baseUrl(account.baseUrl())
                .apiKey(account.apiKey().orElseThrow())
                .timeout(account.timeout())
                .circuitBreaker(breaker.settings())
                .executor(threads.carrierReplies())
                .probeAwb(account.probeAwb().orElse(null));
        account.tariffFile().ifPresent(builder::tariffFile);
        return builder.build();
    }

    private static StandIns startSandbox(GatewaySettings.SandboxPorts ports) {
        SandboxSettings settings = new SandboxSettings(
                ports.host(),
                ports.controlPort(),
                ports.aramexPort(),
                ports.smsaPort(),
                AramexCredentials.defaults(),
                SandboxSettings.DEFAULT_SMSA_API_KEY);
        try {
            Sandbox sandbox = Sandbox.start(settings);
            LOG.warn(
                    "SANDBOX MODE: no carrier credentials are configured, so Aramex and SMSA are stand-ins on "
                            + "loopback (Aramex {}, SMSA {}); control them at {}",
                    sandbox.aramexBaseUri(),
                    sandbox.smsaBaseUri(),
                    sandbox.controlUri());
            return new StandIns(sandbox, settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the sandbox on " + ports, e);
        }
    }

    /** The running sandbox and the credentials its stand-ins accept. */
    private record StandIns(Sandbox sandbox, SandboxSettings settings) {

        /** The configured Aramex account, pointed at the stand-in with the credentials it accepts. */
        AramexAccount aramex(AramexAccount configured) {
            AramexCredentials standIn = settings.aramex();
            return new AramexAccount(
                    sandbox.aramexBaseUri(),
                    Optional.of(standIn.userName()),
                    Optional.of(standIn.password()),
                    Optional.of(standIn.accountNumber()),
                    Optional.of(standIn.accountPin()),
                    standIn.accountEntity(),
                    standIn.accountCountryCode(),
                    configured.timeout(),
                    configured.probe());
        }

        /** The configured SMSA account, pointed at the stand-in with the key it accepts. */
        SmsaAccount smsa(SmsaAccount configured) {
            return new SmsaAccount(
                    sandbox.smsaBaseUri(),
                    Optional.of(settings.smsaApiKey()),
                    configured.tariffFile(),
                    configured.timeout(),
                    configured.probeAwb());
        }
    }
}
