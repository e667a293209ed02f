package io.haderos.shipping.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.application.port.in.MonitoringReport;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.policy.Alert;
import io.haderos.shipping.domain.policy.AlertPolicy;
import io.haderos.shipping.domain.testing.MutableClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonitorCircuitBreakersServiceTest {

    private final MutableClock clock = MutableClock.at("2026-01-05T10:00:00Z");
    private final List<Alert> auditAlerts = new ArrayList<>();

    @Test
    void alertsOfTheGatewaysOtherPartsJoinTheBreakersAlertsWhileTheyLast() {
        MonitorCircuitBreakersService monitor = new MonitorCircuitBreakersService(
                new FakeCircuitBreakers(clock.instant(), CarrierId.ARAMEX, CarrierId.SMSA),
                new AlertPolicy(),
                List.of(() -> List.copyOf(auditAlerts)),
                clock);
        assertThat(monitor.report().alerts()).isEmpty();

        Alert backlog = new Alert("audit-trail", Alert.Severity.WARNING, "3 transitions waiting", clock.instant());
        auditAlerts.add(backlog);
        MonitoringReport report = monitor.report();

        assertThat(report.alerts()).containsExactly(backlog);
        assertThat(report.timestamp()).isEqualTo(clock.instant());
        auditAlerts.clear();
        assertThat(monitor.report().alerts()).isEmpty();
    }
}
