package io.haderos.shipping.adapter.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haderos.shipping.domain.model.InvalidValueException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlackSettingsTest {

    private static final URI WEBHOOK = URI.create("https://hooks.slack.com/services/T0AAA/B0BBB/xoxTopSecret?x=y");

    @Test
    void givenAWebhook_thenToStringShowsTheHostButNotTheToken() {
        SlackSettings settings = SlackSettings.of(WEBHOOK);

        assertThat(settings.timeout()).isEqualTo(SlackSettings.DEFAULT_TIMEOUT);
        assertThat(settings.toString())
                .isEqualTo("SlackSettings[webhookUrl=https://hooks.slack.com/***, timeout=PT10S]")
                .doesNotContain("xoxTopSecret", "T0AAA", "x=y");
        assertThat(SlackSettings.of(URI.create("http://127.0.0.1:8123/hook/secret"))
                        .toString())
                .contains("http://127.0.0.1:8123/***")
                .doesNotContain("secret");
    }

    @Test
    void givenABadUrl_thenTheErrorNamesTheFieldWithoutQuotingTheUrl() {
        for (String bad : new String[] {
            "/services/T0/B0/xoxTopSecret",
            "ftp://hooks.slack.com/xoxTopSecret",
            "https://user:xoxTopSecret@hooks.slack.com/x",
            "https://hooks.slack.com/x#xoxTopSecret",
            "https:///xoxTopSecret"
        }) {
            assertThatThrownBy(() -> SlackSettings.of(URI.create(bad)))
                    .as(bad)
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageStartingWith("webhookUrl:")
                    .hasMessageNotContaining("xoxTopSecret");
        }
        assertThatThrownBy(() -> SlackSettings.of(null)).hasMessage("webhookUrl: is required");
    }

    @Test
    void givenATimeoutOutOfRange_thenTheErrorNamesIt() {
        assertThatThrownBy(() -> new SlackSettings(WEBHOOK, Duration.ZERO)).hasMessageStartingWith("timeout:");
        assertThatThrownBy(() -> new SlackSettings(WEBHOOK, Duration.ofMinutes(6)))
                .hasMessageStartingWith("timeout:");
        assertThatThrownBy(() -> new SlackSettings(WEBHOOK, null)).hasMessage("timeout: is required");
    }
}
