package io.haderos.shipping.bootstrap;

import io.haderos.shipping.sandbox.AramexCredentials;
import io.haderos.shipping.sandbox.Sandbox;
import io.haderos.shipping.sandbox.SandboxSettings;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Carrier stand-ins that a test runs itself, and the settings that point the gateway's real carrier adapters at them:
 * the gateway runs in real mode, not with its embedded sandbox.
 */
final class SandboxCarriers {

    private SandboxCarriers() {}

    /** Both stand-ins and their control API on free loopback ports, expecting their default credentials. */
    static Sandbox start() throws IOException {
        return Sandbox.start(new SandboxSettings(
                "127.0.0.1", 0, 0, 0, AramexCredentials.defaults(), SandboxSettings.DEFAULT_SMSA_API_KEY));
    }

    /** Aramex's base URL and credentials for the stand-in of {@code sandbox}. */
    static Map<String, String> aramex(Sandbox sandbox) {
        AramexCredentials aramex = AramexCredentials.defaults();
        return Map.of(
                "ARAMEX_BASE_URL", sandbox.aramexBaseUri().toString(),
                "ARAMEX_USERNAME", aramex.userName(),
                "ARAMEX_PASSWORD", aramex.password(),
                "ARAMEX_ACCOUNT_NUMBER", aramex.accountNumber(),
                "ARAMEX_ACCOUNT_PIN", aramex.accountPin());
    }

    /** SMSA's base URL and API key for the stand-in of {@code sandbox}. */
    static Map<String, String> smsa(Sandbox sandbox) {
        return Map.of(
                "SMSA_BASE_URL",
                sandbox.smsaBaseUri().toString(),
                "SMSA_API_KEY",
                SandboxSettings.DEFAULT_SMSA_API_KEY);
    }

    /**
     * Real-mode settings against the stand-ins of {@code sandbox}: their credentials as the carriers', and the tests
     * calling as the anonymous client (knowingly allowed, no rate limit) with SMSA quoting the example tariff; the map
     * can be added to.
     */
    static Map<String, String> realCredentials(Sandbox sandbox) {
        Map<String, String> settings = new HashMap<>(aramex(sandbox));
        settings.putAll(smsa(sandbox));
        settings.putAll(Map.of("API_ALLOW_ANONYMOUS", "true", "API_RATE_LIMIT", "0", "SMSA_EXAMPLE_TARIFF", "true"));
        return settings;
    }

    /** {@link #realCredentials(Sandbox)} with the PostgreSQL database at {@code databaseUrl}; the map can be added to. */
    static Map<String, String> realCredentials(Sandbox sandbox, String databaseUrl) {
        Map<String, String> settings = realCredentials(sandbox);
        settings.putAll(TestPostgres.environment(databaseUrl));
        return settings;
    }

    /** {@code environment} for the instance called {@code name}, one of several sharing a database. */
    static Map<String, String> named(Map<String, String> environment, String name) {
        Map<String, String> named = new HashMap<>(environment);
        named.put("GATEWAY_INSTANCE_NAME", name);
        return named;
    }
}
