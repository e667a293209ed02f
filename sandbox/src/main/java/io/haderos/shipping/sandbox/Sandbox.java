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
 * <p>{@link #start(SandboxSettings)} binds three HTTP listeners, each on its own port so that one
 * stand-in can go down alone. The stand-ins implement the carriers' wire protocols independently
 * of the gateway's adapters.
 * <ul>
 *   <li>Aramex ({@link #aramexBaseUri()}): the JSON operations {@code CalculateRate},
 *   {@code CreateShipments}, {@code PrintLabel} and {@code TrackShipments} under
 *   {@code /ShippingAPI.V2/}, and the label files it hands out as {@code LabelURL}, under
 *   {@code /content/rpt_cache/}. Labels are PDF, one page per piece, by URL or inline
 *   ({@code LabelInfo.ReportType} {@code "URL"} or {@code "RPT"}).</li>
 *   <li>SMSA ({@link #smsaBaseUri()}): {@code POST /api/shipment/b2c/new},
 *   {@code GET /api/shipment/b2c/query/{awb}}, {@code GET /api/track/single/{awb}},
 *   {@code POST /api/track/bulk} and {@code GET /api/track/reference/{reference}}. Labels come
 *   one per parcel, PDF or ZPL II ({@code WaybillType}).</li>
 *   <li>The control API ({@link #controlUri()}): {@code GET /sandbox};
 *   {@code GET} and {@code PUT /sandbox/{carrier}/fault} ({@code {"mode":…,"latency_ms":…}});
 *   {@code GET /sandbox/{carrier}/stats} ({@code requests}, {@code shipments_created},
 *   {@code held}); {@code POST /sandbox/{carrier}/reset}.</li>
 * </ul>
 * Each stand-in remembers the last 10,000 shipments it created; older ones are unknown to it.
 *
 * <p>Fault modes, set per stand-in, apply to every path of that stand-in:
 * <ul>
 *   <li>{@code healthy}: the carrier's own answers;</li>
 *   <li>{@code down}: the listener is closed, so connections are refused;</li>
 *   <li>{@code unavailable}: HTTP 503 with an HTML page (nothing was processed);</li>
 *   <li>{@code error}: HTTP 500 (the outcome is unknown);</li>
 *   <li>{@code slow}: the normal answer after {@code latency_ms} (30 s if not given);</li>
 *   <li>{@code garbage}: HTTP 200 with an HTML maintenance page instead of JSON;</li>
 *   <li>{@code reject}: the carrier's own validation error (Aramex {@code HasErrors} with
 *   {@code ERR52}, SMSA 400 with {@code errors});</li>
 *   <li>{@code hang}: the request is read and counted, and never answered.</li>
 * </ul>
 * Every request that reaches a stand-in is counted in {@code requests} when it arrives, whatever
 * the mode, and the mode and latency in force then decide its answer. A {@code latency_ms} delays
 * the answers of the other answering modes too. Requests waiting out a latency, or hung, are
 * <em>held</em>: they keep their fate when the mode changes; {@code down} and {@link #close()}
 * drop them at once (their connections are closed without an answer); a hung request is dropped
 * after 5 minutes; and a stand-in holds at most 10,000, dropping the oldest first.
 *
 * <p>Each listener serves on a few named daemon threads ({@code sandbox-<listener>-…}). A held
 * request holds no thread, only its connection: a stand-in holds thousands at once, and a slow
 * stand-in holds up neither the other nor the control API. Instances are thread-safe.
 *
 * <p>Replies go out with TCP_NODELAY; without it each reply over a kept-alive connection would
 * wait about 40 ms. The JDK's HTTP server takes that setting from the system property
 * {@code sun.net.httpserver.nodelay}, read once per JVM when its first server is created; the
 * sandbox sets it to {@code true} (and {@code sun.net.httpserver.maxRspTime} to 900 s, so that the
 * server also forgets dropped connections), unless they are set, before it creates its first
 * server. If other code in the JVM creates a {@code com.sun.net.httpserver} server earlier, the
 * values in force are the ones that code saw: pass {@code -Dsun.net.httpserver.nodelay=true} to be
 * safe.
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
