package io.haderos.shipping.adapter.alerts;

import io.haderos.shipping.domain.policy.Alert;
import io.haderos.shipping.domain.policy.OutageNotice;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;

/**
 * E-mails outage notices over SMTP (docs/architecture.md#operations "Alerts"), one plain-text message per notice, in order, to
 * every recipient in the {@link EmailSettings}.
 *
 * <p>Subjects read "[HaderOS gateway] CRITICAL: aramex circuit OPEN" and
 * "[HaderOS gateway] RECOVERED: aramex circuit closed after 2 min 5 s". {@link #send} only queues the notice and
 * returns at once; a daemon thread sends it, retrying with back-off per the {@link RetryPolicy} while the server
 * cannot be reached or refuses the message. While deliveries fail, or when notices had to be dropped,
 * {@link #alerts()} says so under the breaker name {@value #BREAKER}. The SMTP password is never logged.
 *
 * <p>Thread-safe. {@link #close()} delivers what is still queued (for at most 5 s) and stops the thread.
 */
public final class EmailAlertNotifier extends QueuedAlertNotifier {

    /** The {@link Alert#breaker()} name of this notifier's own alerts. */
    public static final String BREAKER = "alerts.email";

    /** What every subject starts with, so that mail filters can route alerts. */
    static final String SUBJECT_PREFIX = "[HaderOS gateway] ";

    private final EmailSettings settings;

    private EmailAlertNotifier(EmailSettings settings, RetryPolicy retry, Clock clock) {
        super("E-mail", BREAKER, new Smtp(settings, clock), retry, clock);
        this.settings = settings;
    }

    /**
     * A notifier that sends through the SMTP server in {@code settings}. Its delivery thread starts with the
     * first notice; nothing connects before that.
     *
     * @param settings the server, the login, the sender and the recipients
     * @param retry    how failed sends are retried; {@link RetryPolicy#DEFAULT} suits production
     * @param clock    the messages' {@code Date} header and the time of this notifier's own {@link #alerts()}
     * @return a running notifier; close it on shutdown
     * @throws NullPointerException when an argument is null
     */
    public static EmailAlertNotifier start(EmailSettings settings, RetryPolicy retry, Clock clock) {
        // The delivery checks retry and clock; Smtp would fail on a null settings without naming it.
        return new EmailAlertNotifier(Objects.requireNonNull(settings, "settings"), retry, clock);
    }

    /**
     * The server and the recipients, never the password.
     *
     * @return e.g. {@code EmailAlertNotifier[smtp.example.com:587 -> [ops@example.com]]}
     */
    @Override
    public String toString() {
        return "EmailAlertNotifier[" + settings.host() + ":" + settings.port() + " -> " + settings.to() + "]";
    }

    /** "[HaderOS gateway] CRITICAL: aramex circuit OPEN". */
    static String subject(OutageNotice notice) {
        return SUBJECT_PREFIX + NoticeTexts.title(notice);
    }

    /** The same facts as the Slack message, one per line. */
    static String body(OutageNotice notice) {
        StringBuilder body = new StringBuilder();
        body.append(NoticeTexts.title(notice))
                .append('\n')
                .append(NoticeTexts.meaning(notice))
                .append("\n\n")
                .append("Carrier:  ")
                .append(notice.carrier().value())
                .append('\n')
                .append("Event:    ")
                .append(notice.kind() == OutageNotice.Kind.OPENED ? "OPENED (critical)" : "RECOVERED")
                .append('\n');
        if (!notice.cause().isEmpty()) {
            body.append("Cause:    ")
                    .append(notice.cause().replace("\n", "\n          "))
                    .append('\n');
        }
        body.append("At:       ").append(NoticeTexts.time(notice.at())).append('\n');
        notice.openFor()
                .ifPresent(openFor -> body.append("Open for: ")
                        .append(OutageNotice.humanDuration(openFor))
                        .append('\n'));
        notice.actor()
                .ifPresent(actor -> body.append("By:       ").append(actor).append('\n'));
        body.append("\n-- \nSent automatically by the HaderOS shipping gateway.\n");
        return body.toString();
    }

    /** The SMTP half: one connection per attempt. */
    private static final class Smtp implements AlertDelivery.Channel {

        private static final int MAX_REASON = 200;

        private final EmailSettings settings;
        private final Clock clock;
        private final Session session;

        Smtp(EmailSettings settings, Clock clock) {
            this.settings = settings;
            this.clock = clock;
            String timeout = Long.toString(settings.timeout().toMillis());
            Properties properties = new Properties();
            properties.setProperty("mail.smtp.host", settings.host());
            properties.setProperty("mail.smtp.port", Integer.toString(settings.port()));
            properties.setProperty(
                    "mail.smtp.auth", Boolean.toString(settings.username().isPresent()));
            properties.setProperty("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
            properties.setProperty("mail.smtp.starttls.required", Boolean.toString(settings.startTls()));
            properties.setProperty("mail.smtp.connectiontimeout", timeout);
            properties.setProperty("mail.smtp.timeout", timeout);
            properties.setProperty("mail.smtp.writetimeout", timeout);
            // Debug output would include the whole SMTP dialogue; keep it off whatever the system properties say.
            properties.setProperty("mail.debug", "false");
            properties.setProperty("mail.debug.auth", "false");
            this.session = Session.getInstance(properties);
            this.session.setDebug(false);
        }

        @Override
        public void deliver(OutageNotice notice) throws AlertDelivery.DeliveryFailure {
            try {
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress(settings.from(), true));
                for (String recipient : settings.to()) {
                    message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient, true));
                }
                message.setSubject(subject(notice), StandardCharsets.UTF_8.name());
                message.setText(body(notice), StandardCharsets.UTF_8.name());
                message.setSentDate(Date.from(clock.instant()));
                // RFC 3834: vacation responders and ticket systems must not answer an alert.
                message.setHeader("Auto-Submitted", "auto-generated");
                if (settings.username().isPresent()) {
                    Transport.send(
                            message,
                            settings.username().get(),
                            settings.password().orElseThrow());
                } else {
                    Transport.send(message);
                }
            } catch (AuthenticationFailedException e) {
                throw new AlertDelivery.DeliveryFailure("the SMTP server refused the login of "
                        + settings.username().orElse("<none>"));
            } catch (SendFailedException e) {
                throw new AlertDelivery.DeliveryFailure("the SMTP server refused the message" + redacted(e));
            } catch (MessagingException e) {
                throw new AlertDelivery.DeliveryFailure(
                        "cannot send through " + settings.host() + ":" + settings.port() + redacted(e));
            }
        }

        /** ": what went wrong", cut short, on one line, without the password; empty when there is nothing. */
        private String redacted(MessagingException e) {
            String detail = e.getMessage();
            Exception next = e.getNextException();
            if (next != null && next.getMessage() != null) {
                detail = (detail == null ? "" : detail + " ") + "("
                        + next.getClass().getSimpleName() + ": " + next.getMessage() + ")";
            }
            if (detail == null || detail.isBlank()) {
                return "";
            }
            String safe = detail;
            if (settings.password().isPresent()) {
                safe = safe.replace(settings.password().get(), "***");
            }
            safe = safe.strip().replaceAll("\\s+", " ");
            return ": " + (safe.length() > MAX_REASON ? safe.substring(0, MAX_REASON) + "…" : safe);
        }
    }
}
