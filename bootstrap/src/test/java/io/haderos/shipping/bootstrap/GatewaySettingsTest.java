package io.haderos.shipping.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haderos.shipping.adapter.resilience4j.CircuitBreakerSettings;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.ClientId;
import io.haderos.shipping.domain.policy.RetentionPeriods;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/architecture.md#configuration: defaults, environment variables, per-carrier overrides, and refusals that name the key. */
class GatewaySettingsTest {

    /** The bundled defaults with {@code environment} as environment variables over them. */
    private static Config config(Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .addDefaultSources()
                .withSources(new EnvConfigSource(environment, 300))
                .build();
    }

    private static Config properties(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .addDefaultSources()
                .withSources(new PropertiesConfigSource(properties, "test", 400))
                .build();
    }

    @Test
    void givenNoConfiguration_thenTheDocumentedDefaultsAndTheSandbox() {
        GatewaySettings settings = GatewaySettings.from(config(Map.of()));

        assertThat(settings.httpPort()).isEqualTo(8000);
        assertThat(settings.httpHost()).isEqualTo("0.0.0.0");
        assertThat(settings.carrierOrder()).containsExactly(CarrierId.ARAMEX, CarrierId.SMSA);
        assertThat(settings.breakers().values()).containsOnly(CircuitBreakerSettings.DEFAULTS);
        assertThat(settings.sandbox()).hasValueSatisfying(sandbox -> {
            assertThat(sandbox.controlPort()).isEqualTo(8001);
            assertThat(sandbox.aramexPort()).isEqualTo(8002);
            assertThat(sandbox.smsaPort()).isEqualTo(8003);
        });
        assertThat(settings.aramex().timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.cluster())
                .isEqualTo(new GatewaySettings.Cluster(Duration.ofSeconds(5), Duration.ofSeconds(30)));
        assertThat(settings.retention())
                .isEqualTo(new RetentionPeriods(Duration.ofDays(400), Duration.ofDays(90)))
                .isEqualTo(RetentionPeriods.DEFAULT);
        assertThat(settings.heldOrders())
                .isEqualTo(new GatewaySettings.HeldOrders(Duration.ofSeconds(60), Duration.ofMinutes(15)));
    }

    @Test
    void givenHeldOrderSettings_thenTheyAreTaken_aZeroAlertAgeIncluded() {
        GatewaySettings settings =
                GatewaySettings.from(config(Map.of("ORDERS_RECONCILE_INTERVAL", "5", "ORDERS_HELD_ALERT_AGE", "0")));

        assertThat(settings.heldOrders())
                .isEqualTo(new GatewaySettings.HeldOrders(Duration.ofSeconds(5), Duration.ZERO));
    }

    @Test
    void givenRetentionPeriodsInTheEnvironment_thenTheyAreTaken() {
        GatewaySettings settings =
                GatewaySettings.from(config(Map.of("AUDIT_RETENTION_DAYS", "730", "ORDERS_PERSONAL_DATA_DAYS", "30")));

        assertThat(settings.retention()).isEqualTo(new RetentionPeriods(Duration.ofDays(730), Duration.ofDays(30)));
    }

    @Test
    void givenShortHeartbeats_thenTheyAreTaken() {
        GatewaySettings settings = GatewaySettings.from(
                config(Map.of("CLUSTER_HEARTBEAT_INTERVAL", "1", "CLUSTER_HEARTBEAT_TIMEOUT", "3")));

        assertThat(settings.cluster())
                .isEqualTo(new GatewaySettings.Cluster(Duration.ofSeconds(1), Duration.ofSeconds(3)));
    }

    @Test
    void givenEnvironmentVariables_thenGlobalValuesAndPerCarrierOverrides() {
        GatewaySettings settings = GatewaySettings.from(config(Map.of(
                "CIRCUIT_BREAKER_FAILURE_THRESHOLD", "5",
                "CIRCUIT_BREAKER_RECOVERY_TIMEOUT", "30",
                "SMSA_CIRCUIT_BREAKER_FAILURE_THRESHOLD", "7",
                "ARAMEX_CIRCUIT_BREAKER_SUCCESS_THRESHOLD", "4",
                "HTTP_PORT", "9100",
                "CARRIERS_ORDER", "smsa, aramex")));

        assertThat(settings.carrierOrder()).containsExactly(CarrierId.SMSA, CarrierId.ARAMEX);
        assertThat(settings.breakers().get(CarrierId.ARAMEX))
                .isEqualTo(new CircuitBreakerSettings(5, Duration.ofSeconds(30), 4));
        assertThat(settings.breakers().get(CarrierId.SMSA))
                .isEqualTo(new CircuitBreakerSettings(7, Duration.ofSeconds(30), 2));
        assertThat(settings.httpPort()).isEqualTo(9100);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "circuit-breaker.failure-threshold | -1",
                "circuit-breaker.failure-threshold | three",
                "circuit-breaker.recovery-timeout  | 0",
                "circuit-breaker.success-threshold | 0",
                "aramex.circuit-breaker.failure-threshold | 0",
                "http.port | 70000",
                "aramex.timeout | 0",
                "aramex.base-url | not a url",
                "smsa.base-url | ftp://example.com",
                "carriers.order | aramex,dhl",
                "carriers.order | aramex,aramex",
                "sandbox.enabled | maybe",
                "shipper.country | XX",
                "database.url | postgres://db/gateway",
                "database.url | jdbc:mysql://db/gateway",
                "database.pool-size | 0",
                "admin.token | too-short",
                "gateway.instance-name | has spaces",
                "cluster.heartbeat-interval | 0",
                "cluster.heartbeat-interval | 5s",
                "cluster.heartbeat-timeout | 9",
                "cluster.heartbeat-timeout | 7200",
                "orders.reconcile-interval | 0",
                "orders.reconcile-interval | 1m",
                "orders.held-alert-age | -1",
                "audit.retention-days | 0",
                "audit.retention-days | -1",
                "audit.retention-days | 400d",
                "audit.retention-days | 36501",
                "orders.personal-data-days | 0",
                "orders.personal-data-days | -90",
                "orders.personal-data-days | ninety",
                "alerts.slack.webhook-url | not a url",
                "alerts.slack.webhook-url | https://user:pw@hooks.slack.com/services/x",
                "http.max-body-bytes | 100",
                "http.max-body-bytes | 1MB",
                "api.rate-limit | -1",
                "api.rate-limit | fast",
                "api.rate-limit | 1e3",
                "api.rate-limit-burst | 0",
                "api.allow-anonymous | perhaps",
                "smsa.example-tariff | sure",
                "api.clients | shop-web",
                "api.clients | Shop:0000000000000000000000000000000000000000000000000000000000000000",
                "api.clients | shop:1234"
            })
    void givenAnInvalidValue_thenStartUpStopsNamingTheKeyAndItsVariable(String key, String value) {
        assertThatThrownBy(() -> GatewaySettings.from(properties(Map.of(key, value))))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                    assertThat(e.key()).isEqualTo(key);
                    assertThat(e.getMessage()).contains(key).contains(InvalidSettingException.environmentName(key));
                });
    }

    /** Real credentials for both carriers, and what production needs beside them. */
    private static final Map<String, String> PRODUCTION = Map.of(
            "ARAMEX_USERNAME", "api@haderos.io",
            "ARAMEX_PASSWORD", "s3cret-pass",
            "ARAMEX_ACCOUNT_NUMBER", "60500123",
            "ARAMEX_ACCOUNT_PIN", "998877",
            "SMSA_API_KEY", "key-123",
            "SMSA_TARIFF_FILE", "/etc/shipping-gateway/smsa-tariff.csv",
            "API_CLIENTS", "shop-web:" + "ab".repeat(32) + ", erp:" + "CD".repeat(32));

    private static Map<String, String> production(String... overrides) {
        Map<String, String> environment = new java.util.HashMap<>(PRODUCTION);
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                environment.remove(overrides[i]);
            } else {
                environment.put(overrides[i], overrides[i + 1]);
            }
        }
        return environment;
    }

    private static void assertRefusedNaming(Map<String, String> environment, String key) {
        assertThatThrownBy(() -> GatewaySettings.from(config(environment)))
                .isInstanceOfSatisfying(
                        InvalidSettingException.class, e -> assertThat(e.key()).isEqualTo(key));
    }

    @Test
    void givenProductionSettings_thenBothCarriersClientsAndTheDefaultRateLimit() {
        GatewaySettings settings = GatewaySettings.from(config(PRODUCTION));

        assertThat(settings.sandbox()).isEmpty();
        assertThat(settings.carrierOrder()).containsExactly(CarrierId.ARAMEX, CarrierId.SMSA);
        assertThat(settings.api().clients().clients()).containsExactly(ClientId.of("erp"), ClientId.of("shop-web"));
        assertThat(settings.api().rateLimit())
                .contains(new GatewaySettings.RateLimit(new java.math.BigDecimal("50"), 100));
        assertThat(settings.maxBodyBytes()).isEqualTo(262_144);
        assertThat(settings.tls()).isEmpty();
        assertThat(settings.toString()).doesNotContain("ab".repeat(32), "CD".repeat(32));
    }

    @Test
    void givenTheSandbox_thenAnonymousClientsAndNoRateLimitUnlessSet() {
        GatewaySettings plain = GatewaySettings.from(config(Map.of()));
        GatewaySettings limited =
                GatewaySettings.from(config(Map.of("API_RATE_LIMIT", "0.5", "API_RATE_LIMIT_BURST", "3")));

        assertThat(plain.api().clients().required()).isFalse();
        assertThat(plain.api().rateLimit()).isEmpty();
        assertThat(limited.api().rateLimit())
                .contains(new GatewaySettings.RateLimit(new java.math.BigDecimal("0.5"), 3));
    }

    @Test
    void givenClientsWithLimitsOfTheirOwn_thenThoseOverTheCommonOne() {
        GatewaySettings settings =
                GatewaySettings.from(config(production("API_CLIENT_RATE_LIMITS", "erp:200:400, shop-web:0")));

        assertThat(settings.api().ownRateLimits())
                .containsEntry(
                        ClientId.of("erp"),
                        java.util.Optional.of(new GatewaySettings.RateLimit(new java.math.BigDecimal("200"), 400)))
                .containsEntry(ClientId.of("shop-web"), java.util.Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"stranger:10", "erp", "erp:fast", "erp:10:0", "erp:10:x", "erp:1,erp:2", "erp:1:2:3"})
    void givenMalformedOwnLimits_thenStartUpStopsNamingTheKey(String limits) {
        assertRefusedNaming(production("API_CLIENT_RATE_LIMITS", limits), "api.client-rate-limits");
    }

    @Test
    void givenRealCredentialsWithoutClients_thenStartUpStopsNamingApiClients_unlessAnonymousIsAllowed() {
        assertRefusedNaming(production("API_CLIENTS", null), "api.clients");

        GatewaySettings anonymous =
                GatewaySettings.from(config(production("API_CLIENTS", null, "API_ALLOW_ANONYMOUS", "true")));

        assertThat(anonymous.api().clients().required()).isFalse();
        assertThat(anonymous.api().allowAnonymous()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "shop-web",
                "shop-web:0123456789012345678901234567890123456789012345678901234567890123456",
                "SHOP:0000000000000000000000000000000000000000000000000000000000000000",
                "shop:aa:bb",
                "shop:0000000000000000000000000000000000000000000000000000000000000000,"
                        + "shop:1111111111111111111111111111111111111111111111111111111111111111",
                "a:0000000000000000000000000000000000000000000000000000000000000000,"
                        + "b:0000000000000000000000000000000000000000000000000000000000000000",
                "shop:0000000000000000000000000000000000000000000000000000000000000000,,"
            })
    void givenMalformedClients_thenStartUpStopsNamingApiClientsWithoutRepeatingADigest(String clients) {
        assertThatThrownBy(() -> GatewaySettings.from(config(Map.of("API_CLIENTS", clients))))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                    assertThat(e.key()).isEqualTo("api.clients");
                    assertThat(e.getMessage()).doesNotContain("0000000000", "1111111111", "0123456789");
                });
    }

    @Test
    void givenRealSmsaCredentialsWithoutATariff_thenStartUpStopsNamingTheTariff_unlessTheExampleIsChosen() {
        assertRefusedNaming(production("SMSA_TARIFF_FILE", null), "smsa.tariff-file");

        GatewaySettings example =
                GatewaySettings.from(config(production("SMSA_TARIFF_FILE", null, "SMSA_EXAMPLE_TARIFF", "true")));

        assertThat(example.smsaExampleTariff()).isTrue();
        assertThat(example.smsa().tariffFile()).isEmpty();
    }

    @Test
    void givenCredentialsForOneCarrierOnly_thenItServesAlone() {
        GatewaySettings aramexOnly = GatewaySettings.from(config(production("SMSA_API_KEY", null)));
        GatewaySettings smsaOnly = GatewaySettings.from(config(production(
                "ARAMEX_USERNAME", null,
                "ARAMEX_PASSWORD", null,
                "ARAMEX_ACCOUNT_NUMBER", null,
                "ARAMEX_ACCOUNT_PIN", null)));

        assertThat(aramexOnly.carrierOrder()).containsExactly(CarrierId.ARAMEX);
        assertThat(aramexOnly.carriersByCredentials()).isTrue();
        assertThat(aramexOnly.breakers().keySet()).containsExactly(CarrierId.ARAMEX);
        assertThat(smsaOnly.carrierOrder()).containsExactly(CarrierId.SMSA);
    }

    @Test
    void givenAnOrderNamingACarrierWithoutCredentials_thenStartUpStopsNamingItsMissingKey() {
        assertRefusedNaming(production("SMSA_API_KEY", null, "CARRIERS_ORDER", "aramex,smsa"), "smsa.api-key");
        assertRefusedNaming(production("ARAMEX_ACCOUNT_PIN", null), "aramex.account-pin");
    }

    @Test
    void givenAKeyStore_thenTlsWithIt_andAMissingFileOrAWrongPasswordStopsStartUpWithoutRepeatingIt(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path keystore = TestKeyStores.generate(dir, "keystore-Passw0rd");

        GatewaySettings tls = GatewaySettings.from(config(
                Map.of("HTTP_TLS_KEYSTORE", keystore.toString(), "HTTP_TLS_KEYSTORE_PASSWORD", "keystore-Passw0rd")));

        assertThat(tls.tls()).isPresent();
        assertRefusedNaming(
                Map.of(
                        "HTTP_TLS_KEYSTORE",
                        dir.resolve("missing.p12").toString(),
                        "HTTP_TLS_KEYSTORE_PASSWORD",
                        "keystore-Passw0rd"),
                "http.tls.keystore");
        assertThatThrownBy(() -> GatewaySettings.from(config(Map.of(
                        "HTTP_TLS_KEYSTORE", keystore.toString(), "HTTP_TLS_KEYSTORE_PASSWORD", "Wrong-Passw0rd"))))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                    assertThat(e.key()).isEqualTo("http.tls.keystore");
                    assertThat(e.getMessage()).doesNotContain("Wrong-Passw0rd", "keystore-Passw0rd");
                });
    }

    @Test
    void givenAKeyStoreWithoutItsPassword_thenStartUpStopsNamingThePassword() {
        assertRefusedNaming(
                Map.of("HTTP_TLS_KEYSTORE", "/etc/shipping-gateway/gateway.p12"), "http.tls.keystore-password");
    }

    @Test
    void givenCredentials_thenNoSandboxAndAllOfThemAreRequired() {
        assertThatThrownBy(() -> GatewaySettings.from(config(Map.of("ARAMEX_USERNAME", "api@haderos.io"))))
                .isInstanceOfSatisfying(
                        InvalidSettingException.class, e -> assertThat(e.key()).isEqualTo("aramex.password"));

        GatewaySettings settings = GatewaySettings.from(config(PRODUCTION));

        assertThat(settings.sandbox()).isEmpty();
        assertThat(settings.toString()).doesNotContain("s3cret-pass", "998877", "key-123");
    }

    @Test
    void givenNoConfiguration_thenAnH2FileUnderDataNoAdminTokenAndNoAlerts() {
        GatewaySettings settings = GatewaySettings.from(config(Map.of()));

        assertThat(settings.database().url()).isEqualTo("jdbc:h2:file:./data/gateway");
        assertThat(settings.database().poolSize()).isEqualTo(10);
        assertThat(settings.adminToken()).isEmpty();
        assertThat(settings.alerting().slack()).isEmpty();
        assertThat(settings.alerting().email()).isEmpty();
        assertThat(settings.instanceName()).isNotBlank();
    }

    @Test
    void givenDatabaseTokenAndAlertSettings_thenTheyAreReadAndNoSecretShows() {
        GatewaySettings settings = GatewaySettings.from(config(Map.ofEntries(
                Map.entry("DATABASE_URL", "jdbc:postgresql://db.internal:5432/gateway"),
                Map.entry("DATABASE_USERNAME", "gateway"),
                Map.entry("DATABASE_PASSWORD", "db-Passw0rd-x"),
                Map.entry("ADMIN_TOKEN", "admin-token-0123456789"),
                Map.entry("GATEWAY_INSTANCE_NAME", "gw-1"),
                Map.entry("ALERTS_SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T1/B2/webhook-secret"),
                Map.entry("ALERTS_EMAIL_HOST", "smtp.haderos.io"),
                Map.entry("ALERTS_EMAIL_FROM", "gateway@haderos.io"),
                Map.entry("ALERTS_EMAIL_TO", "oncall@haderos.io, ops@haderos.io"),
                Map.entry("ALERTS_EMAIL_USERNAME", "gateway"),
                Map.entry("ALERTS_EMAIL_PASSWORD", "smtp-Passw0rd-y"))));

        assertThat(settings.database().username()).contains("gateway");
        assertThat(settings.adminToken()).contains("admin-token-0123456789");
        assertThat(settings.toString())
                .doesNotContain("admin-token-0123456789")
                .contains("adminToken=Optional[***]", "instanceName=gw-1");
        assertThat(settings.instanceName()).isEqualTo("gw-1");
        assertThat(settings.alerting().email()).hasValueSatisfying(email -> {
            assertThat(email.to()).containsExactly("oncall@haderos.io", "ops@haderos.io");
            assertThat(email.port()).isEqualTo(587);
            assertThat(email.startTls()).isTrue();
        });
        assertThat(settings.database().toString()).doesNotContain("db-Passw0rd-x");
        assertThat(settings.alerting().toString()).doesNotContain("webhook-secret", "smtp-Passw0rd-y");
    }

    @Test
    void givenAnEmailHostWithoutRecipients_thenStartUpStopsNamingTheKey() {
        assertThatThrownBy(() -> GatewaySettings.from(config(
                        Map.of("ALERTS_EMAIL_HOST", "smtp.haderos.io", "ALERTS_EMAIL_FROM", "gateway@haderos.io"))))
                .isInstanceOfSatisfying(
                        InvalidSettingException.class, e -> assertThat(e.key()).isEqualTo("alerts.email.to"));
    }

    @Test
    void givenOnlySmsaInTheOrder_thenOnlySmsaHasABreaker() {
        GatewaySettings settings = GatewaySettings.from(config(Map.of("CARRIERS_ORDER", "smsa")));

        assertThat(settings.breakers().keySet()).isEqualTo(java.util.Set.of(CarrierId.SMSA));
        assertThat(List.copyOf(settings.carrierOrder())).containsExactly(CarrierId.SMSA);
    }
}
