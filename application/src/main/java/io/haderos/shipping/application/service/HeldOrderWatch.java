package io.haderos.shipping.application.service;

import io.haderos.shipping.application.port.out.AlertSource;
import io.haderos.shipping.domain.model.HeldOrderSummary;
import io.haderos.shipping.domain.policy.Alert;
import io.haderos.shipping.domain.policy.AlertPolicy;
import io.haderos.shipping.domain.port.out.ShipmentStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The held-order count as last read from the store (docs/architecture.md#held-orders), so that metrics and monitoring
 * read it for free: {@link #refresh} reads it (one query, on the database executor, at each pass of the
 * {@link HeldOrderReconciler}), everything else reads the copy. Raises an alert while the oldest held order has waited
 * longer than the alert age.
 */
public final class HeldOrderWatch implements AlertSource {

    private final ShipmentStore store;
    private final Duration alertAge;
    private final Clock clock;
    private final AtomicReference<HeldOrderSummary> last = new AtomicReference<>(HeldOrderSummary.NONE);

    /** @param alertAge how long an order may stay held before monitoring alerts on it */
    public HeldOrderWatch(ShipmentStore store, Duration alertAge, Clock clock) {
        if (alertAge.isNegative()) {
            throw new IllegalArgumentException("alertAge must not be negative");
        }
        this.store = store;
        this.alertAge = alertAge;
        this.clock = clock;
    }

    /**
     * Reads the count again; blocks on the database. When the store cannot answer, the last count stands (the store's
     * own readiness check reports the database).
     */
    public void refresh() {
        try {
            last.set(store.heldSummary(clock.instant()));
        } catch (RuntimeException e) {
            // Kept: a count a little old is better than none while the database is away.
        }
    }

    /** The count as last read. */
    public HeldOrderSummary summary() {
        return last.get();
    }

    /** How many orders were held at the last read. */
    public long count() {
        return last.get().count();
    }

    /** How long the oldest held order has waited, now, in seconds; 0 when none is held. */
    public double oldestAgeSeconds() {
        return last.get().oldestAge(clock.instant()).toMillis() / 1000.0;
    }

    /** One warning while the oldest held order has waited longer than the alert age. */
    @Override
    public List<Alert> alerts() {
        HeldOrderSummary summary = last.get();
        Instant now = clock.instant();
        if (summary.count() == 0 || summary.oldestAge(now).compareTo(alertAge) <= 0) {
            return List.of();
        }
        Instant oldest = summary.oldestSince().orElseThrow();
        return List.of(new Alert(
                AlertPolicy.GATEWAY,
                Alert.Severity.WARNING,
                summary.count() + " held order(s) await resolution, the oldest since " + oldest + " (longer than "
                        + describe(alertAge) + "): their outcome at the carrier is unknown; see"
                        + " GET /orders?status=outcome_unknown",
                oldest.plus(alertAge)));
    }

    private static String describe(Duration age) {
        return age.toSeconds() % 60 == 0 ? age.toMinutes() + " min" : age.toSeconds() + " s";
    }
}
