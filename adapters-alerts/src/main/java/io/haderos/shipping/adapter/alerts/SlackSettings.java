package io.haderos.shipping.adapter.alerts;

import io.haderos.shipping.domain.model.InvalidValueException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Where {@link SlackAlertNotifier} posts: a Slack incoming webhook.
 *
 * <p>The webhook URL is a secret (its path is the token that lets anyone post to the channel): it is never
 * logged, and neither {@link #toString()} nor any exception message of this record shows more than its scheme,
 * host and port.
 *
 * @param webhookUrl the incoming webhook, such as {@code https://hooks.slack.com/services/T…/B…/…}; an absolute
 *                   {@code https} (or, for tests and local relays, {@code http}) URL with a host and without
 *                   user info or fragment. Required, no default
 * @param timeout    the longest a single post may take, connecting included; positive, at most
 *                   {@link #MAX_TIMEOUT}; default {@link #DEFAULT_TIMEOUT}
 */
public record SlackSettings(URI webhookUrl, Duration timeout) {

    /** The default timeout of one post: 10 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** The longest accepted timeout: 5 minutes. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

    /**
     * Validates both values (see the record's description for their ranges).
     *
     * @param webhookUrl the incoming webhook
     * @param timeout    the timeout of one post
     * @throws InvalidValueException naming {@code webhookUrl} or {@code timeout} when it is missing or out of
     *                               range; the message never quotes the URL
     */
    public SlackSettings {
        if (webhookUrl == null) {
            throw new InvalidValueException("webhookUrl", "is required");
        }
        String scheme =
                webhookUrl.getScheme() == null ? "" : webhookUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!webhookUrl.isAbsolute()
                || !(scheme.equals("https") || scheme.equals("http"))
                || webhookUrl.getHost() == null) {
            throw new InvalidValueException(
                    "webhookUrl", "must be an absolute https URL such as " + "https://hooks.slack.com/services/...");
        }
        if (webhookUrl.getRawUserInfo() != null || webhookUrl.getRawFragment() != null) {
            throw new InvalidValueException("webhookUrl", "must not contain user info or a fragment");
        }
        if (timeout == null) {
            throw new InvalidValueException("timeout", "is required");
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new InvalidValueException(
                    "timeout", "must be positive and at most " + MAX_TIMEOUT.toMinutes() + " minutes");
        }
    }

    /**
     * The webhook with the {@link #DEFAULT_TIMEOUT default timeout}.
     *
     * @param webhookUrl the incoming webhook
     * @return the settings
     * @throws InvalidValueException naming {@code webhookUrl} when it is missing or not an http(s) URL
     */
    public static SlackSettings of(URI webhookUrl) {
        return new SlackSettings(webhookUrl, DEFAULT_TIMEOUT);
    }

    /** The timeout and the webhook's scheme, host and port; its path and query (the token) show as {@code ***}. */
    @Override
    public String toString() {
        return "SlackSettings[webhookUrl=" + maskedUrl() + ", timeout=" + timeout + "]";
    }

    /** "https://hooks.slack.com/***": enough to tell webhooks apart in logs, not enough to post. */
    String maskedUrl() {
        return webhookUrl.getScheme() + "://" + webhookUrl.getHost()
                + (webhookUrl.getPort() == -1 ? "" : ":" + webhookUrl.getPort()) + "/***";
    }
}
