package io.haderos.shipping.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a key store, the gateway serves HTTPS on its own port, and only HTTPS (docs/architecture.md#security). */
class TlsIT {

    private static final String PASSWORD = "Keystore-Passw0rd-31";

    @Test
    void givenAKeyStore_thenTheGatewayServesHttpsWithItsCertificate(@TempDir Path dir) throws Exception {
        Path keystore = TestKeyStores.generate(dir, PASSWORD);

        try (GatewayProcess gateway = GatewayProcess.startHttps(
                "tls",
                Map.of("HTTP_TLS_KEYSTORE", keystore.toString(), "HTTP_TLS_KEYSTORE_PASSWORD", PASSWORD),
                TestKeyStores.trusting(keystore, PASSWORD))) {
            assertThat(gateway.gateway.getScheme()).isEqualTo("https");
            HttpResponse<String> live = gateway.get("/health/live");
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(gateway.post(GatewayIT.RATES, GatewayIT.QUOTE).statusCode())
                    .isEqualTo(200);

            URI plain = URI.create("http://127.0.0.1:" + gateway.gateway.getPort() + "/health/live");
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            assertThatThrownBy(() -> client.send(
                            HttpRequest.newBuilder(plain)
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .as("plain HTTP on the HTTPS port")
                    .isInstanceOf(IOException.class);
            assertThat(gateway.log())
                    .contains("listening on https://127.0.0.1:")
                    .doesNotContain(PASSWORD);
        }
    }
}
