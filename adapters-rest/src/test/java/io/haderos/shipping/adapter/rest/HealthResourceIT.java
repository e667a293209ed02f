package io.haderos.shipping.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.application.port.in.CheckReadinessUseCase.Readiness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /health/live} answers while the process runs; {@code /health/ready} follows the database only. */
class HealthResourceIT {

    @RegisterExtension
    static final RestApiExtension api = new RestApiExtension();

    @Test
    void liveAnswersWithoutAskingAnything() {
        RestApiExtension.Reply reply = api.get("/health/live");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("status").asText()).isEqualTo("up");
        assertThat(api.fakes().received()).isEmpty();
    }

    @Test
    void readyWhileTheDatabaseAnswers() {
        api.fakes().onReadiness(() -> new Readiness(Map.of(), List.of("database")));

        RestApiExtension.Reply reply = api.get("/health/ready");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("status").asText()).isEqualTo("ready");
        assertThat(reply.json().path("checks").path("database").asText()).isEqualTo("up");
    }

    @Test
    void notReadyWithTheProblemWhileTheDatabaseDoesNotAnswer() {
        api.fakes()
                .onReadiness(() -> new Readiness(Map.of("database", "no connection within 5 s"), List.of("database")));

        RestApiExtension.Reply reply = api.get("/health/ready");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().path("status").asText()).isEqualTo("not_ready");
        assertThat(reply.json().path("checks").path("database").asText()).isEqualTo("no connection within 5 s");
    }
}
