package io.haderos.shipping.adapter.alerts;

import io.haderos.shipping.domain.model.InvalidValueException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where {@link EmailAlertNotifier} sends: an SMTP server and the people to tell.
 *
 * <p>The password is never logged, and neither {@link #toString()} nor any exception message of this record
 * shows it.
 *
 * @param host     the SMTP server's host name or address; required, not blank, no spaces
 * @param port     its port, 1 to 65535; usually {@link #SUBMISSION_PORT} (587, with {@code startTls}) or 25
 * @param username the SMTP login, or empty for a server that does not authenticate (a blank value counts as
 *                 empty); required together with {@code password}
 * @param password the SMTP password, or empty (a blank value counts as empty); required together with
 *                 {@code username}; never printed
 * @param from     the sender, such as {@code gateway@example.com} or {@code HaderOS gateway <gateway@example.com>};
 *                 a valid address
 * @param to       the recipients, 1 to {@link #MAX_RECIPIENTS} valid addresses; copied
 * @param startTls whether to upgrade the connection with STARTTLS before logging in; when true the upgrade is
 *                 required (no silent fall-back to plain text). True is the only sensible value when a password
 *                 crosses a network
 * @param timeout  the longest connecting, and each read or write, may take; positive, at most
 *                 {@link #MAX_TIMEOUT}; {@link #DEFAULT_TIMEOUT} is a good value
 */
public record EmailSettings(
        String host,
        int port,
        Optional<String> username,
        Optional<String> password,
        String from,
        List<String> to,
        boolean startTls,
        Duration timeout) {

    /** The mail submission port that expects STARTTLS: 587. */
    public static final int SUBMISSION_PORT = 587;

    /** A sensible timeout: 10 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** The longest accepted timeout: 5 minutes. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

    /** The most recipients accepted: beyond that, use a mailing list. */
    public static final int MAX_RECIPIENTS = 50;

    /**
     * Validates and normalises every value (see the record's description for each one's range).
     *
     * @param host     the SMTP server
     * @param port     its port
     * @param username the SMTP login, or empty
     * @param password the SMTP password, or empty
     * @param from     the sender's address
     * @param to       the recipients' addresses
     * @param startTls whether STARTTLS is required
     * @param timeout  the connect, read and write timeout
     * @throws InvalidValueException naming the value ({@code host}, {@code to}, …) when one is missing or out of
     *                               range; no message ever quotes the password
     */
    public EmailSettings {
        if (host == null || host.isBlank()) {
            throw new InvalidValueException("host", "is required");
        }
        host = host.strip();
        if (host.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new InvalidValueException("host", "must not contain spaces");
        }
        if (port < 1 || port > 65535) {
            throw new InvalidValueException("port", "must be between 1 and 65535");
        }
        username = optional(username, "username");
        password = optional(password, "password");
        if (username.isPresent() != password.isPresent()) {
            throw new InvalidValueException(
                    username.isPresent() ? "password" : "username",
                    "is required when " + (username.isPresent() ? "username" : "password") + " is set");
        }
        from = address(from, "from");
        if (to == null || to.isEmpty()) {
            throw new InvalidValueException("to", "must name at least one recipient");
        }
        if (to.size() > MAX_RECIPIENTS) {
            throw new InvalidValueException("to", "must not name more than " + MAX_RECIPIENTS + " recipients");
        }
        List<String> recipients = new ArrayList<>(to.size());
        for (int i = 0; i < to.size(); i++) {
            recipients.add(address(to.get(i), "to[" + i + "]"));
        }
        to = List.copyOf(recipients);
        if (timeout == null) {
            throw new InvalidValueException("timeout", "is required");
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new InvalidValueException(
                    "timeout", "must be positive and at most " + MAX_TIMEOUT.toMinutes() + " minutes");
        }
    }

    /** Every value except the password, which shows as {@code ***} when set. */
    @Override
    public String toString() {
        return "EmailSettings[host=" + host + ", port=" + port + ", username=" + username.orElse("<none>")
                + ", password=" + password.map(secret -> "***").orElse("<none>") + ", from=" + from + ", to=" + to
                + ", startTls=" + startTls + ", timeout=" + timeout + "]";
    }

    private static Optional<String> optional(Optional<String> value, String field) {
        if (value == null) {
            throw new InvalidValueException(field, "is required (use Optional.empty() when there is none)");
        }
        return value.filter(text -> !text.isBlank());
    }

    private static String address(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, "is required");
        }
        String address = value.strip();
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            if (parsed.getAddress() == null || !parsed.getAddress().contains("@")) {
                throw new InvalidValueException(field, "must be an e-mail address such as ops@example.com");
            }
        } catch (AddressException e) {
            throw new InvalidValueException(field, "must be an e-mail address such as ops@example.com");
        }
        return address;
    }
}
