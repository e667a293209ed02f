package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import io.haderos.shipping.domain.policy.Alert;
import java.time.Instant;
import java.util.List;

/**
 * Every breaker's snapshot and the active alerts, taken at {@code timestamp}.
 *
 * @param heldOrders how many orders await an operator's resolution, as last counted
 */
public record MonitoringReport(List<CircuitSnapshot> breakers, List<Alert> alerts, Instant timestamp, long heldOrders) {

    public MonitoringReport {
        breakers = List.copyOf(breakers);
        alerts = List.copyOf(alerts);
    }

    /** A report that counts no held orders. */
    public MonitoringReport(List<CircuitSnapshot> breakers, List<Alert> alerts, Instant timestamp) {
        this(breakers, alerts, timestamp, 0);
    }
}
