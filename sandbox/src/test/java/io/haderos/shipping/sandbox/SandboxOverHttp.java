package io.haderos.shipping.sandbox;

import static io.haderos.shipping.sandbox.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AutoClose;

/**
 * The set-up of the tests that call the sandbox over real HTTP: a sandbox on ephemeral loopback ports, started for each
 * test and closed after it, a client, and the control API calls the tests make. The stand-ins' clock is stopped at
 * {@link Fixtures#NOW}, so that the dates in their answers are known.
 */
abstract class SandboxOverHttp {

    final TestHttp http = new TestHttp();

    @AutoClose
    final Sandbox sandbox = start();

    /** {@code path} under the control API, e.g. {@code /aramex/stats}. */
    final URI control(String path) {
        return URI.create(sandbox.controlUri() + path);
    }

    /** Puts {@code body} as the fault of stand-in {@code standIn} ({@code aramex}, {@code smsa}); it must be accepted. */
    final void fault(String standIn, String body) throws Exception {
        HttpResponse<String> response = http.putJson(control("/" + standIn + "/fault"), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** The counters of stand-in {@code standIn}: {@code requests}, {@code shipments_created} and {@code held}. */
    final JsonNode stats(String standIn) throws Exception {
        return json(http.get(control("/" + standIn + "/stats")));
    }

    private static Sandbox start() {
        try {
            return Sandbox.start(SandboxSettings.ephemeral(), Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
