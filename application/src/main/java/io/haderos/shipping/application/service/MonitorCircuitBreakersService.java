package io.haderos.shipping.application.service;

import io.haderos.shipping.application.port.in.MonitorCircuitBreakersUseCase;
import io.haderos.shipping.application.port.in.MonitoringReport;
import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import io.haderos.shipping.domain.policy.AlertPolicy;
import io.haderos.shipping.domain.port.out.CircuitBreakers;

import java.time.Clock;
import java.util.List;

/** Snapshots every breaker and derives the alerts with {@link AlertPolicy}. */
public final class MonitorCircuitBreakersService implements MonitorCircuitBreakersUseCase {

    private final CircuitBreakers breakers;
    private final AlertPolicy alertPolicy;
    private final Clock clock;

    public MonitorCircuitBreakersService(CircuitBreakers breakers, AlertPolicy alertPolicy, Clock clock) {
        this.breakers = breakers;
        this.alertPolicy = alertPolicy;
        this.clock = clock;
    }

    @Override
    public MonitoringReport report() {
        List<CircuitSnapshot> snapshots = breakers.snapshots();
        return new MonitoringReport(snapshots, alertPolicy.alertsFor(snapshots), clock.instant());
    }
}
