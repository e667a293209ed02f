package io.haderos.shipping.application.service;

import io.haderos.shipping.application.port.in.MonitorCircuitBreakersUseCase;
import io.haderos.shipping.application.port.in.MonitoringReport;
import io.haderos.shipping.application.port.out.AlertSource;
import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import io.haderos.shipping.domain.policy.Alert;
import io.haderos.shipping.domain.policy.AlertPolicy;
import io.haderos.shipping.domain.port.out.CircuitBreakers;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Snapshots every breaker and derives the alerts with {@link AlertPolicy}, then adds those of the gateway's
 * other parts (the audit writer, the notifiers, the held orders), and the held-order count.
 */
public final class MonitorCircuitBreakersService implements MonitorCircuitBreakersUseCase {

    private final CircuitBreakers breakers;
    private final AlertPolicy alertPolicy;
    private final List<AlertSource> otherSources;
    private final Clock clock;
    private final LongSupplier heldOrders;

    /** @param otherSources parts of the gateway besides the breakers whose alerts monitoring shows */
    public MonitorCircuitBreakersService(
            CircuitBreakers breakers, AlertPolicy alertPolicy, List<AlertSource> otherSources, Clock clock) {
        this(breakers, alertPolicy, otherSources, clock, () -> 0);
    }

    /**
     * @param otherSources parts of the gateway besides the breakers whose alerts monitoring shows
     * @param heldOrders   the held-order count as last read ({@link HeldOrderWatch#count}); must not block
     */
    public MonitorCircuitBreakersService(
            CircuitBreakers breakers,
            AlertPolicy alertPolicy,
            List<AlertSource> otherSources,
            Clock clock,
            LongSupplier heldOrders) {
        this.breakers = breakers;
        this.alertPolicy = alertPolicy;
        this.otherSources = List.copyOf(otherSources);
        this.clock = clock;
        this.heldOrders = heldOrders;
    }

    @Override
    public MonitoringReport report() {
        List<CircuitSnapshot> snapshots = breakers.snapshots();
        List<Alert> alerts = new ArrayList<>(alertPolicy.alertsFor(snapshots));
        otherSources.forEach(source -> alerts.addAll(source.alerts()));
        return new MonitoringReport(snapshots, alerts, clock.instant(), heldOrders.getAsLong());
    }
}
