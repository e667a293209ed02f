package io.haderos.shipping.adapter.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.haderos.shipping.domain.policy.Alert;
import io.haderos.shipping.domain.policy.OutageNotice;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts outage notices to a Slack incoming webhook (docs/architecture.md#operations "Alerts"), one message per notice, in order.
 *
 * <p>{@link #send} only queues the notice and returns at once; a daemon thread posts it, retrying with back-off
 * per the {@link RetryPolicy} while Slack answers anything but 2xx or cannot be reached. While deliveries fail,
 * or when notices had to be dropped, {@link #alerts()} says so under the breaker name {@value #BREAKER}.
 * The webhook URL is never logged and never appears in an alert, an exception message or {@link #toString()}.
 *
 * <p>Thread-safe. {@link #close()} delivers what is still queued (for at most 5 s) and stops the thread.
 */
public final class SlackAlertNotifier extends QueuedAlertNotifier {

    /** The {@link Alert#breaker()} name of this notifier's own alerts. */
    public static final String BREAKER = "alerts.slack";

    private final SlackSettings settings;

    private SlackAlertNotifier(SlackSettings settings, RetryPolicy retry, Clock clock) {
        super("Slack", BREAKER, new Webhook(settings), retry, clock);
        this.settings = settings;
    }

    /**
     * A notifier that posts to the webhook in {@code settings}. Its delivery thread starts with the first notice.
     *
     * @param settings the webhook and the timeout of one post
     * @param retry    how failed posts are retried; {@link RetryPolicy#DEFAULT} suits production
     * @param clock    the time of this notifier's own {@link #alerts()}; the notices carry their own time
     * @return a running notifier; close it on shutdown
     * @throws NullPointerException when an argument is null
     */
    public static SlackAlertNotifier start(SlackSettings settings, RetryPolicy retry, Clock clock) {
        // The delivery checks retry and clock; Webhook would fail on a null settings without naming it.
        return new SlackAlertNotifier(Objects.requireNonNull(settings, "settings"), retry, clock);
    }

    /**
     * The webhook's host only, never its token.
     *
     * @return e.g. {@code SlackAlertNotifier[https://hooks.slack.com/***]}
     */
    @Override
    public String toString() {
        return "SlackAlertNotifier[" + settings.maskedUrl() + "]";
    }

    /** Text with Slack's three control characters escaped, as Slack asks of message text. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The message: ":red_circle: *CRITICAL: aramex circuit OPEN*", the cause, the time, who did it. */
    static String text(OutageNotice notice) {
        StringBuilder text = new StringBuilder();
        text.append(notice.kind() == OutageNotice.Kind.OPENED ? ":red_circle: " : ":large_green_circle: ")
                .append('*')
                .append(NoticeTexts.title(notice))
                .append("* ")
                .append(NoticeTexts.meaning(notice));
        if (!notice.cause().isEmpty()) {
            text.append("\nCause: ").append(escape(notice.cause()));
        }
        text.append("\nAt: ").append(NoticeTexts.time(notice.at()));
        notice.actor().ifPresent(actor -> text.append(" by ").append(escape(actor)));
        return text.toString();
    }

    /** The HTTP half: one POST per attempt. */
    private static final class Webhook implements AlertDelivery.Channel {

        private static final ObjectMapper JSON = new ObjectMapper();
        private static final int MAX_REASON = 200;

        private final SlackSettings settings;
        private final HttpClient http;

        Webhook(SlackSettings settings) {
            this.settings = settings;
            // HTTP/1.1: some proxies and servers mishandle the h2c upgrade the JDK client tries on http:// URLs.
            this.http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(settings.timeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }

        @Override
        public void deliver(OutageNotice notice) throws AlertDelivery.DeliveryFailure {
            HttpRequest request = HttpRequest.newBuilder(settings.webhookUrl())
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body(notice), StandardCharsets.UTF_8))
                    .build();
            // The request timeout stops at the response's headers: bound the whole exchange, body included.
            CompletableFuture<HttpResponse<String>> exchange =
                    http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            HttpResponse<String> response;
            try {
                response = exchange.get(settings.timeout().toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                exchange.cancel(true);
                throw new AlertDelivery.DeliveryFailure("no answer within " + NoticeTexts.seconds(settings.timeout()));
            } catch (InterruptedException e) {
                exchange.cancel(true);
                Thread.currentThread().interrupt();
                throw new AlertDelivery.DeliveryFailure("interrupted");
            } catch (ExecutionException e) {
                throw failure(e.getCause());
            }
            if (response.statusCode() / 100 != 2) {
                throw new AlertDelivery.DeliveryFailure("HTTP " + response.statusCode() + redacted(response.body()));
            }
        }

        private AlertDelivery.DeliveryFailure failure(Throwable cause) {
            if (cause == null) {
                return new AlertDelivery.DeliveryFailure("failed for an unknown reason");
            }
            if (cause instanceof HttpConnectTimeoutException) {
                return new AlertDelivery.DeliveryFailure(
                        "could not connect within " + NoticeTexts.seconds(settings.timeout()));
            }
            if (cause instanceof HttpTimeoutException) {
                return new AlertDelivery.DeliveryFailure("no answer within " + NoticeTexts.seconds(settings.timeout()));
            }
            if (cause instanceof ConnectException) {
                return new AlertDelivery.DeliveryFailure(
                        "cannot connect to " + settings.webhookUrl().getHost());
            }
            if (cause instanceof IOException) {
                return new AlertDelivery.DeliveryFailure(
                        "I/O error " + cause.getClass().getSimpleName() + redacted(cause.getMessage()));
            }
            // Not an I/O problem: name the type only, its message might quote the URL.
            return new AlertDelivery.DeliveryFailure(
                    "unexpected " + cause.getClass().getName());
        }

        private static String body(OutageNotice notice) {
            try {
                return JSON.writeValueAsString(Map.of("text", text(notice)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write a JSON string", e);
            }
        }

        /** ": detail", cut short, on one line, without the webhook's path or query; empty when there is none. */
        private String redacted(String detail) {
            if (detail == null || detail.isBlank()) {
                return "";
            }
            String safe = detail.replace(settings.webhookUrl().toString(), "***");
            for (String secret : new String[] {
                settings.webhookUrl().getRawPath(),
                settings.webhookUrl().getRawQuery(),
                settings.webhookUrl().getPath()
            }) {
                if (secret != null && secret.length() > 1) {
                    safe = safe.replace(secret, "***");
                }
            }
            safe = safe.strip().replaceAll("\\s+", " ");
            return ": " + (safe.length() > MAX_REASON ? safe.substring(0, MAX_REASON) + "…" : safe);
        }
    }
}
