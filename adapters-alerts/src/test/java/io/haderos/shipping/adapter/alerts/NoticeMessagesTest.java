package io.haderos.shipping.adapter.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.policy.OutageNotice;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The words people read, for both channels. */
class NoticeMessagesTest {

    private static final Instant AT = Instant.parse("2025-03-10T08:00:00.123456Z");

    @Test
    void givenAnOpening_thenSlackAndEmailSayCriticalWithCauseAndTime() {
        OutageNotice notice = new OutageNotice(
                CarrierId.SMSA,
                OutageNotice.Kind.OPENED,
                AT,
                "3 consecutive failures",
                Optional.empty(),
                Optional.empty());

        assertThat(SlackAlertNotifier.text(notice))
                .isEqualTo(":red_circle: *CRITICAL: smsa circuit OPEN* "
                        + "Calls no longer reach smsa; shipments go to the next carrier, if any.\n"
                        + "Cause: 3 consecutive failures\nAt: 2025-03-10T08:00:00.123Z");
        assertThat(EmailAlertNotifier.subject(notice)).isEqualTo("[HaderOS gateway] CRITICAL: smsa circuit OPEN");
        assertThat(EmailAlertNotifier.body(notice))
                .startsWith("CRITICAL: smsa circuit OPEN\n")
                .contains("Event:    OPENED (critical)\nCause:    3 consecutive failures\n"
                        + "At:       2025-03-10T08:00:00.123Z\n");
    }

    @Test
    void givenARecoveryByAnOperator_thenTheMessagesSayHowLongAndWho() {
        OutageNotice notice = new OutageNotice(
                CarrierId.ARAMEX,
                OutageNotice.Kind.RECOVERED,
                AT,
                "closed by an operator",
                Optional.of(Duration.ofSeconds(125)),
                Optional.of("ops-alice"));

        assertThat(SlackAlertNotifier.text(notice))
                .startsWith(":large_green_circle: *RECOVERED: aramex circuit closed after 2 min 5 s* ")
                .endsWith("by ops-alice");
        assertThat(EmailAlertNotifier.subject(notice))
                .isEqualTo("[HaderOS gateway] RECOVERED: aramex circuit closed after 2 min 5 s");
        assertThat(EmailAlertNotifier.body(notice)).contains("Open for: 2 min 5 s\n", "By:       ops-alice\n");
    }

    @Test
    void givenACauseWithSlackMarkup_thenItIsEscapedNotInterpreted() {
        OutageNotice notice = new OutageNotice(
                CarrierId.ARAMEX,
                OutageNotice.Kind.OPENED,
                AT,
                "HTTP 503 <!channel> & <https://evil.example|click>",
                Optional.empty(),
                Optional.of("<@U123>"));

        assertThat(SlackAlertNotifier.text(notice))
                .contains("Cause: HTTP 503 &lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;")
                .endsWith(" by &lt;@U123&gt;")
                .doesNotContain("<!channel>");
    }

    @Test
    void givenARecoveryWithoutAKnownStartOrCause_thenNothingIsInvented() {
        OutageNotice notice = new OutageNotice(
                CarrierId.ARAMEX, OutageNotice.Kind.RECOVERED, AT, "", Optional.empty(), Optional.empty());

        assertThat(SlackAlertNotifier.text(notice)).doesNotContain("Cause:", " after ");
        assertThat(EmailAlertNotifier.subject(notice)).isEqualTo("[HaderOS gateway] RECOVERED: aramex circuit closed");
        assertThat(EmailAlertNotifier.body(notice)).doesNotContain("Cause:", "Open for:", "By:");
    }
}
