package io.haderos.shipping.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SandboxTest {

    private final TestHttp http = new TestHttp();

    @Test
    void givenDefaults_thenDocumentedPortsAndCredentials() {
        SandboxSettings defaults = SandboxSettings.defaults();

        assertThat(defaults.host()).isEqualTo("127.0.0.1");
        assertThat(defaults.controlPort()).isEqualTo(8001);
        assertThat(defaults.aramexPort()).isEqualTo(8002);
        assertThat(defaults.smsaPort()).isEqualTo(8003);
        assertThat(defaults.aramex()).isEqualTo(AramexCredentials.defaults());
        assertThat(SandboxSettings.ephemeral().aramexPort()).isZero();
    }

    @Test
    void givenSecrets_whenPrinted_thenMasked() {
        String printed = SandboxSettings.defaults().toString();

        assertThat(printed).doesNotContain("sandbox-password", "543210", SandboxSettings.DEFAULT_SMSA_API_KEY);
    }

    @Test
    void givenInvalidSettings_whenBuilt_thenRejected() {
        SandboxSettings defaults = SandboxSettings.defaults();

        assertThatThrownBy(() -> defaults.withPorts(-1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("controlPort");
        assertThatThrownBy(() -> defaults.withPorts(9000, 9000, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SandboxSettings(" ", 0, 0, 0, AramexCredentials.defaults(), "k"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host");
        assertThatThrownBy(() -> new AramexCredentials("u", "", "1", "2", "RUH", "SA"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("password");
    }

    @Test
    void givenEphemeralPorts_whenStarted_thenThreeDistinctUris() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxSettings.ephemeral())) {
            assertThat(sandbox.controlUri().getPath()).isEqualTo("/sandbox");
            assertThat(sandbox.aramexBaseUri().toString())
                    .startsWith("http://127.0.0.1:")
                    .endsWith("/ShippingAPI.V2/");
            assertThat(sandbox.smsaBaseUri().getPath()).isEqualTo("/");
            assertThat(java.util.Set.of(
                            sandbox.controlUri().getPort(),
                            sandbox.aramexBaseUri().getPort(),
                            sandbox.smsaBaseUri().getPort()))
                    .hasSize(3)
                    .doesNotContain(0);
        }
    }

    @Test
    void givenCustomCredentials_whenUsed_thenOnlyThoseAccepted() throws Exception {
        SandboxSettings settings = new SandboxSettings(
                "127.0.0.1",
                0,
                0,
                0,
                new AramexCredentials("ops@example.com", "pw", "1", "2", "DXB", "AE"),
                "other-key");
        try (Sandbox sandbox = Sandbox.start(settings)) {
            HttpResponse<String> aramex =
                    http.postJson(Fixtures.aramex(sandbox, Fixtures.RATE), Fixtures.rateRequest());
            HttpResponse<String> smsa = http.get(Fixtures.smsa(sandbox, "api/track/single/1"), "apikey", "other-key");

            assertThat(TestHttp.json(aramex).at("/Notifications/0/Code").asText())
                    .isEqualTo("ERR01");
            assertThat(smsa.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void givenPortInUse_whenStarted_thenIOException() throws Exception {
        try (Sandbox first = Sandbox.start(SandboxSettings.ephemeral())) {
            SandboxSettings clash =
                    SandboxSettings.ephemeral().withPorts(first.controlUri().getPort(), 0, 0);

            assertThatThrownBy(() -> Sandbox.start(clash)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void givenSlowRequestInFlight_whenClosed_thenReturnsPromptlyAndTheClientFails() throws Exception {
        Sandbox sandbox = Sandbox.start(SandboxSettings.ephemeral());
        URI control = sandbox.controlUri();
        assertThat(http.putJson(URI.create(control + "/smsa/fault"), "{\"mode\":\"slow\"}")
                        .statusCode())
                .isEqualTo(200);
        CompletableFuture<HttpResponse<String>> inFlight = http.client()
                .sendAsync(
                        HttpRequest.newBuilder(Fixtures.smsa(sandbox, "api/track/single/1"))
                                .header("apikey", Fixtures.SMSA_KEY)
                                .timeout(Duration.ofSeconds(20))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(2))
                .until(() -> TestHttp.json(http.get(URI.create(control + "/smsa/stats")))
                                .get("requests")
                                .asLong()
                        == 1);

        sandbox.close();

        // Dropped, not answered after its 30 s latency: the bound only keeps a broken close from hanging the build.
        assertThat(inFlight).failsWithin(Duration.ofSeconds(20));
        sandbox.close(); // idempotent
    }

    @Test
    void givenStandInDown_whenClosed_thenClosesCleanly() throws Exception {
        Sandbox sandbox = Sandbox.start(SandboxSettings.ephemeral());
        http.putJson(URI.create(sandbox.controlUri() + "/aramex/fault"), "{\"mode\":\"down\"}");

        sandbox.close();

        assertThatThrownBy(() -> new TestHttp().get(sandbox.controlUri())).isInstanceOf(IOException.class);
    }
}
