package io.haderos.shipping.sandbox;

import java.util.Objects;

/**
 * Where the sandbox listens and which credentials its stand-ins accept.
 *
 * <p>Three listeners are bound: the control API, the Aramex stand-in and the SMSA stand-in, each on
 * its own port so that the {@code down} fault can close one stand-in's listener. A port of
 * {@code 0} picks a free ephemeral port at start (what tests should use); the chosen port is then
 * kept for the life of the {@link Sandbox}, also across {@code down}/{@code healthy}.
 *
 * @param host        address to bind, e.g. {@code 127.0.0.1}; non-blank. A wildcard address
 *                    ({@code 0.0.0.0}, {@code ::}) is advertised as {@code 127.0.0.1} in URIs
 * @param controlPort port of the control API, 0–65535 (0 = ephemeral); default 8001
 * @param aramexPort  port of the Aramex stand-in, 0–65535; default 8002
 * @param smsaPort    port of the SMSA stand-in, 0–65535; default 8003
 * @param aramex      the account the Aramex stand-in accepts, non-null
 * @param smsaApiKey  the {@code apikey} header value the SMSA stand-in accepts, non-blank
 */
public record SandboxSettings(
        String host, int controlPort, int aramexPort, int smsaPort, AramexCredentials aramex, String smsaApiKey) {

    /** Default bind address: loopback only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Default control API port. */
    public static final int DEFAULT_CONTROL_PORT = 8001;
    /** Default Aramex stand-in port. */
    public static final int DEFAULT_ARAMEX_PORT = 8002;
    /** Default SMSA stand-in port. */
    public static final int DEFAULT_SMSA_PORT = 8003;
    /** Default SMSA {@code apikey}. */
    public static final String DEFAULT_SMSA_API_KEY = "sandbox-smsa-api-key";

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException if the host or API key is blank, a port is outside 0–65535,
     *                                  two non-zero ports are equal, or the credentials are null
     */
    public SandboxSettings {
        AramexCredentials.requireText(host, "host");
        requirePort(controlPort, "controlPort");
        requirePort(aramexPort, "aramexPort");
        requirePort(smsaPort, "smsaPort");
        if (clash(controlPort, aramexPort) || clash(controlPort, smsaPort) || clash(aramexPort, smsaPort)) {
            throw new IllegalArgumentException("the three sandbox ports must differ (or be 0): " + controlPort + ", "
                    + aramexPort + ", " + smsaPort);
        }
        Objects.requireNonNull(aramex, "aramex");
        AramexCredentials.requireText(smsaApiKey, "smsaApiKey");
    }

    /**
     * Loopback, ports 8001/8002/8003, {@link AramexCredentials#defaults()} and
     * {@link #DEFAULT_SMSA_API_KEY}.
     *
     * @return the defaults used by the gateway's embedded sandbox and {@link SandboxMain}
     */
    public static SandboxSettings defaults() {
        return new SandboxSettings(
                DEFAULT_HOST,
                DEFAULT_CONTROL_PORT,
                DEFAULT_ARAMEX_PORT,
                DEFAULT_SMSA_PORT,
                AramexCredentials.defaults(),
                DEFAULT_SMSA_API_KEY);
    }

    /**
     * The defaults with every port set to 0, so several sandboxes (tests) can run at once.
     *
     * @return default settings on ephemeral ports
     */
    public static SandboxSettings ephemeral() {
        return defaults().withPorts(0, 0, 0);
    }

    /**
     * A copy with other ports.
     *
     * @param control control API port
     * @param aramexListener Aramex stand-in port
     * @param smsaListener SMSA stand-in port
     * @return the new settings
     * @throws IllegalArgumentException as the constructor
     */
    public SandboxSettings withPorts(int control, int aramexListener, int smsaListener) {
        return new SandboxSettings(host, control, aramexListener, smsaListener, aramex, smsaApiKey);
    }

    /** Masks the SMSA API key and the Aramex secrets. */
    @Override
    public String toString() {
        return "SandboxSettings[host=" + host + ", controlPort=" + controlPort + ", aramexPort=" + aramexPort
                + ", smsaPort=" + smsaPort + ", aramex=" + aramex + ", smsaApiKey=***]";
    }

    private static void requirePort(int port, String name) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(name + " must be within 0-65535, was " + port);
        }
    }

    private static boolean clash(int a, int b) {
        return a != 0 && a == b;
    }
}
