package io.haderos.shipping.adapter.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haderos.shipping.domain.model.InvalidValueException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmailSettingsTest {

    private static final String PASSWORD = "hunter2-Secret";

    @Test
    void givenValidSettings_thenTheyAreNormalisedAndToStringMasksThePassword() {
        List<String> to = new ArrayList<>(List.of(" oncall@example.com ", "Ops Lead <lead@example.com>"));

        EmailSettings settings = new EmailSettings(
                " smtp.example.com ",
                587,
                Optional.of("gateway"),
                Optional.of(PASSWORD),
                "gateway@example.com",
                to,
                true,
                Duration.ofSeconds(10));
        to.clear();

        assertThat(settings.host()).isEqualTo("smtp.example.com");
        assertThat(settings.to()).containsExactly("oncall@example.com", "Ops Lead <lead@example.com>");
        assertThat(settings.toString())
                .contains("password=***", "username=gateway", "smtp.example.com")
                .doesNotContain(PASSWORD);
    }

    @Test
    void givenNoLogin_thenBlankCredentialsCountAsNone() {
        EmailSettings settings = new EmailSettings(
                "localhost",
                25,
                Optional.of(" "),
                Optional.of(""),
                "gateway@example.com",
                List.of("oncall@example.com"),
                false,
                Duration.ofSeconds(10));

        assertThat(settings.username()).isEmpty();
        assertThat(settings.password()).isEmpty();
        assertThat(settings.toString()).contains("password=<none>");
    }

    @Test
    void givenValuesOutOfRange_thenTheErrorNamesTheFieldAndNeverQuotesThePassword() {
        assertRefused("host", () -> settings(" ", 25, Optional.empty(), List.of("a@example.com")));
        assertRefused("host", () -> settings("smtp example.com", 25, Optional.empty(), List.of("a@example.com")));
        assertRefused("port", () -> settings("localhost", 0, Optional.empty(), List.of("a@example.com")));
        assertRefused("port", () -> settings("localhost", 65536, Optional.empty(), List.of("a@example.com")));
        assertRefused("username", () -> settings("localhost", 25, Optional.of(PASSWORD), List.of("a@example.com")));
        assertRefused("to", () -> settings("localhost", 25, Optional.empty(), List.of()));
        assertRefused("to[1]", () -> settings("localhost", 25, Optional.empty(), List.of("a@example.com", "nobody")));
        assertRefused(
                "to",
                () -> settings(
                        "localhost",
                        25,
                        Optional.empty(),
                        Collections.nCopies(EmailSettings.MAX_RECIPIENTS + 1, "a@example.com")));
        assertRefused(
                "password",
                () -> new EmailSettings(
                        "localhost",
                        25,
                        Optional.of("gateway"),
                        Optional.empty(),
                        "gateway@example.com",
                        List.of("a@example.com"),
                        true,
                        Duration.ofSeconds(1)));
        assertRefused(
                "from",
                () -> new EmailSettings(
                        "localhost",
                        25,
                        Optional.empty(),
                        Optional.empty(),
                        "not an address",
                        List.of("a@example.com"),
                        true,
                        Duration.ofSeconds(1)));
        assertRefused(
                "timeout",
                () -> new EmailSettings(
                        "localhost",
                        25,
                        Optional.empty(),
                        Optional.empty(),
                        "gateway@example.com",
                        List.of("a@example.com"),
                        true,
                        Duration.ofMinutes(6)));
    }

    private static EmailSettings settings(String host, int port, Optional<String> password, List<String> to) {
        return new EmailSettings(
                host, port, Optional.empty(), password, "gateway@example.com", to, true, Duration.ofSeconds(10));
    }

    private static void assertRefused(String field, org.assertj.core.api.ThrowableAssert.ThrowingCallable creation) {
        assertThatThrownBy(creation)
                .as(field)
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageNotContaining(PASSWORD);
    }
}
