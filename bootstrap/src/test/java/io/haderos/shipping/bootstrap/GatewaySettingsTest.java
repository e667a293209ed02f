package io.haderos.shipping.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haderos.shipping.adapter.resilience4j.CircuitBreakerSettings;
import io.haderos.shipping.domain.model.CarrierId;
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
                "alerts.slack.webhook-url | not a url",
                "alerts.slack.webhook-url | https://user:pw@hooks.slack.com/services/x"
            })
    void givenAnInvalidValue_thenStartUpStopsNamingTheKeyAndItsVariable(String key, String value) {
        assertThatThrownBy(() -> GatewaySettings.from(properties(Map.of(key, value))))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                    assertThat(e.key()).isEqualTo(key);
                    assertThat(e.getMessage()).contains(key).contains(InvalidSettingException.environmentName(key));
                });
    }

    @Test
    void givenCredentials_thenNoSandboxAndAllOfThemAreRequired() {
        assertThatThrownBy(() -> GatewaySettings.from(config(Map.of("ARAMEX_USERNAME", "api@haderos.io"))))
                .isInstanceOfSatisfying(
                        InvalidSettingException.class, e -> assertThat(e.key()).isEqualTo("aramex.password"));

        GatewaySettings settings = GatewaySettings.from(config(Map.of(
                "ARAMEX_USERNAME",
                "api@haderos.io",
                "ARAMEX_PASSWORD",
                "s3cret-pass",
                "ARAMEX_ACCOUNT_NUMBER",
                "60500123",
                "ARAMEX_ACCOUNT_PIN",
                "998877",
                "SMSA_API_KEY",
                "key-123")));

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
