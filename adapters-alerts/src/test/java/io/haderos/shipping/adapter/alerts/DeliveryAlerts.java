package io.haderos.shipping.adapter.alerts;

import io.haderos.shipping.domain.policy.Alert;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading a notifier's own alert in tests. */
final class DeliveryAlerts {

    private static final Pattern ATTEMPTS = Pattern.compile("after (\\d+) attempts?");

    private DeliveryAlerts() {}

    /**
     * The failed attempts the alert reports, 0 without one. Awaiting "at least n" instead of "exactly n" keeps a
     * test from missing a state that fast retries leave within milliseconds.
     */
    static int failedAttempts(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return 0;
        }
        Matcher attempts = ATTEMPTS.matcher(alerts.get(0).message());
        return attempts.find() ? Integer.parseInt(attempts.group(1)) : 0;
    }
}
