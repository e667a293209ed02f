package io.haderos.shipping.adapter.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import io.haderos.shipping.domain.policy.Alert;
import io.haderos.shipping.domain.policy.OutageNotices;
import io.haderos.shipping.domain.testing.MutableClock;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmailAlertNotifierIT {

    private static final String PASSWORD = "smtp-S3cret-pw!";
    private static final String ONCALL = "oncall@haderos.test";
    private static final String LEAD = "ops-lead@haderos.test";
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(50), 100);

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("gateway@haderos.test", "gateway", PASSWORD));

    private final MutableClock clock = MutableClock.at("2025-03-10T11:00:00Z");
    private EmailAlertNotifier notifier;

    @AfterEach
    void stop() {
        if (notifier != null) {
            notifier.close();
        }
    }

    @Test
    void
            givenThreeOutages_whenTheirTransitionsPassThroughTheDomainPolicy_thenEachRecipientGetsOneMailPerOpeningAndRecovery()
                    throws Exception {
        notifier = EmailAlertNotifier.start(settings(SMTP.getSmtp().getPort()), FAST, clock);
        OutageNotices policy = new OutageNotices();

        for (CircuitStateChanged change : OutageScript.transitions()) {
            policy.on(change).ifPresent(notifier::send);
        }

        await().atMost(BOUND).until(() -> SMTP.getReceivedMessages().length >= 12);
        notifier.close();
        assertThat(SMTP.getReceivedMessages()).hasSize(12);
        for (String recipient : List.of(ONCALL, LEAD)) {
            List<MimeMessage> mails = inbox(recipient);
            assertThat(mails)
                    .extracting(MimeMessage::getSubject)
                    .containsExactly(
                            "[HaderOS gateway] CRITICAL: aramex circuit OPEN",
                            "[HaderOS gateway] RECOVERED: aramex circuit closed after 4 min 5 s",
                            "[HaderOS gateway] CRITICAL: aramex circuit OPEN",
                            "[HaderOS gateway] RECOVERED: aramex circuit closed after 2 min 5 s",
                            "[HaderOS gateway] CRITICAL: aramex circuit OPEN",
                            "[HaderOS gateway] RECOVERED: aramex circuit closed after 45 s");
            for (MimeMessage mail : mails) {
                assertThat(addresses(mail.getRecipients(Message.RecipientType.TO)))
                        .containsExactly(ONCALL, LEAD);
                assertThat(addresses(mail.getFrom())).containsExactly("gateway@haderos.test");
                assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
                assertThat(mail.getSentDate()).isEqualTo(java.util.Date.from(clock.instant()));
            }
            assertThat(body(mails.get(0)))
                    .contains(
                            "Carrier:  aramex",
                            "Event:    OPENED (critical)",
                            "Cause:    3 consecutive failures: HTTP 503 from aramex",
                            "At:       2025-03-10T08:00:00Z")
                    .doesNotContain("Open for:", "By:");
            assertThat(body(mails.get(1)))
                    .contains("Event:    RECOVERED", "Open for: 4 min 5 s", "At:       2025-03-10T08:04:05Z");
            assertThat(body(mails.get(4))).contains("Cause:    forced open by an operator", "By:       ops-alice");
            assertThat(body(mails.get(5))).contains("Open for: 45 s", "By:       ops-alice");
        }
        assertThat(notifier.alerts()).isEmpty();
    }

    @Test
    void givenTheWrongSmtpPort_whenANoticeIsSent_thenItIsRetriedAndAWarningShowsWithoutThePassword()
            throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        EmailSettings settings = settings(closedPort);
        try (CapturedLog log = new CapturedLog()) {
            notifier = EmailAlertNotifier.start(settings, FAST, clock);

            notifier.send(OutageScript.notices().get(0));

            await().atMost(BOUND).until(() -> DeliveryAlerts.failedAttempts(notifier.alerts()) >= 3);
            Alert alert = notifier.alerts().get(0);
            assertThat(alert.breaker()).isEqualTo("alerts.email");
            assertThat(alert.severity()).isEqualTo(Alert.Severity.WARNING);
            assertThat(alert.message())
                    .startsWith("E-mail alert delivery failing: cannot send through 127.0.0.1:" + closedPort)
                    .contains("1 notice waiting")
                    .doesNotContain(PASSWORD);
            assertThat(alert.since()).isEqualTo(clock.instant());
            notifier.close();
            assertThat(log.text())
                    .contains("E-mail alert delivery failed for aramex OPENED")
                    .doesNotContain(PASSWORD);
        }
        assertThat(SMTP.getReceivedMessages()).isEmpty();
        assertThat(settings.toString()).contains("password=***").doesNotContain(PASSWORD);
        assertThat(notifier.toString()).doesNotContain(PASSWORD);
    }

    private static EmailSettings settings(int port) {
        return new EmailSettings(
                "127.0.0.1",
                port,
                Optional.of("gateway"),
                Optional.of(PASSWORD),
                "HaderOS gateway <gateway@haderos.test>",
                List.of(ONCALL, LEAD),
                false,
                Duration.ofSeconds(5));
    }

    /** The messages in one recipient's mailbox, in order of arrival. */
    private static List<MimeMessage> inbox(String address) throws Exception {
        GreenMailUser user = SMTP.getUserManager().getUserByEmail(address);
        assertThat(user).as("a mailbox for " + address).isNotNull();
        return SMTP.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                .map(StoredMessage::getMimeMessage)
                .toList();
    }

    private static List<String> addresses(Address[] addresses) {
        return Arrays.stream(addresses)
                .map(address -> ((InternetAddress) address).getAddress())
                .toList();
    }

    private static String body(MimeMessage mail) throws Exception {
        return ((String) mail.getContent()).replace("\r\n", "\n");
    }
}
