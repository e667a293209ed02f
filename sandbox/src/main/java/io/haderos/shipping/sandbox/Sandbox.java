package io.haderos.shipping.sandbox;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stand-in Aramex and SMSA servers with fault injection, for demos and tests.
 *
 * <p>{@link #start(SandboxSettings)} binds three HTTP listeners: the Aramex stand-in (the JSON
 * endpoints of {@code /ShippingAPI.V2/}), the SMSA stand-in (the eCom {@code /api/} endpoints) and
 * the control API ({@code /sandbox}) that switches each stand-in between the fault modes
 * {@code healthy}, {@code down}, {@code unavailable}, {@code error}, {@code slow}, {@code garbage},
 * {@code reject} and {@code hang} and reports how many requests reached it. The stand-ins implement the
 * carriers' wire protocols independently of the gateway's adapters.
 *
 * <p>Each listener serves on a few named daemon threads ({@code sandbox-<listener>-…}). A request
 * waiting out a latency holds no thread, only its connection: a stand-in holds thousands at once,
 * and a slow stand-in holds up neither the other nor the control API. Instances are thread-safe.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start(SandboxSettings.ephemeral())) {
 *   URI aramex = sandbox.aramexBaseUri(); // http://127.0.0.1:<port>/ShippingAPI.V2/
 *   ...
 * }
 * }</pre>
 */
public final class Sandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);

    private final SandboxSettings settings;
    private final AramexStandIn aramex;
    private final SmsaStandIn smsa;
    private final ControlApi control;

    private Sandbox(SandboxSettings settings, AramexStandIn aramex, SmsaStandIn smsa, ControlApi control) {
        this.settings = settings;
        this.aramex = aramex;
        this.smsa = smsa;
        this.control = control;
    }

    /**
     * Binds the three listeners and starts serving, every stand-in {@code healthy}.
     *
     * @param settings where to listen and which credentials to accept
     * @return the running sandbox; close it to release the ports
     * @throws IOException if a port cannot be bound (nothing is left listening then)
     * @throws NullPointerException if {@code settings} is null
     */
    public static Sandbox start(SandboxSettings settings) throws IOException {
        return start(settings, Clock.systemUTC());
    }

    static Sandbox start(SandboxSettings settings, Clock clock) throws IOException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        AramexStandIn aramex = new AramexStandIn(settings.host(), settings.aramexPort(), settings.aramex(), clock);
        SmsaStandIn smsa = new SmsaStandIn(settings.host(), settings.smsaPort(), settings.smsaApiKey(), clock);
        try {
            aramex.start();
            smsa.start();
            Map<String, StandIn> standIns = new LinkedHashMap<>();
            standIns.put(aramex.name(), aramex);
            standIns.put(smsa.name(), smsa);
            ControlApi control =
                    ControlApi.open(settings.host(), settings.controlPort(), Collections.unmodifiableMap(standIns));
            Sandbox sandbox = new Sandbox(settings, aramex, smsa, control);
            LOG.info("Sandbox control API listening on {}", sandbox.controlUri());
            return sandbox;
        } catch (IOException | RuntimeException e) {
            aramex.close();
            smsa.close();
            throw e;
        }
    }

    /**
     * The control API, e.g. {@code http://127.0.0.1:8001/sandbox}.
     *
     * @return the URI of {@code GET /sandbox}
     */
    public URI controlUri() {
        return URI.create("http://" + StandIn.advertised(settings.host()) + ":" + control.port() + "/sandbox");
    }

    /**
     * The Aramex base URL with a trailing slash, e.g. {@code http://127.0.0.1:8002/ShippingAPI.V2/};
     * the adapter appends {@code RateCalculator/Service_1_0.svc/json/CalculateRate} and so on.
     *
     * @return the Aramex stand-in's base URI; its port does not change while the sandbox runs
     */
    public URI aramexBaseUri() {
        return aramex.baseUri();
    }

    /**
     * The SMSA base URL with a trailing slash, e.g. {@code http://127.0.0.1:8003/}; the adapter
     * appends {@code api/shipment/b2c/new} and so on.
     *
     * @return the SMSA stand-in's base URI; its port does not change while the sandbox runs
     */
    public URI smsaBaseUri() {
        return smsa.baseUri();
    }

    /**
     * Stops the three listeners at once: connections are dropped, and requests waiting out a
     * latency or hung are closed unanswered. Idempotent.
     */
    @Override
    public void close() {
        control.close();
        aramex.close();
        smsa.close();
        LOG.info("Sandbox stopped ({})", settings.host());
    }
}
