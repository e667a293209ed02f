package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import io.haderos.shipping.domain.policy.Alert;
import java.time.Instant;
import java.util.List;

/** Every breaker's snapshot and the active alerts, taken at {@code timestamp}. */
public record MonitoringReport(List<CircuitSnapshot> breakers, List<Alert> alerts, Instant timestamp) {

    public MonitoringReport {
        breakers = List.copyOf(breakers);
        alerts = List.copyOf(alerts);
    }
}
