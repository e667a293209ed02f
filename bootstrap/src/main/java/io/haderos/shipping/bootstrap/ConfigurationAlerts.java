package io.haderos.shipping.bootstrap;

import io.haderos.shipping.application.port.out.AlertSource;
import io.haderos.shipping.domain.policy.Alert;
import io.haderos.shipping.domain.policy.AlertPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings an operator chose knowingly that still deserve a standing warning on monitoring
 * (docs/architecture.md#production-mode): real carriers served to anonymous clients, and SMSA quoting the bundled
 * example tariff.
 */
final class ConfigurationAlerts implements AlertSource {

    static final String ANONYMOUS = "client authentication is off with real carrier credentials (api.allow-anonymous):"
            + " anyone who reaches the gateway can ship on the merchant's accounts";
    static final String EXAMPLE_TARIFF = "SMSA quotes come from the bundled example tariff (smsa.example-tariff), not"
            + " from the merchant's SMSA prices";

    private final List<Alert> alerts;

    private ConfigurationAlerts(List<Alert> alerts) {
        this.alerts = List.copyOf(alerts);
    }

    /** The alerts the settings call for, active since {@code startedAt}. */
    static ConfigurationAlerts of(GatewaySettings settings, Instant startedAt) {
        List<Alert> alerts = new ArrayList<>();
        boolean real = settings.sandbox().isEmpty();
        if (real && !settings.api().clients().required()) {
            alerts.add(new Alert(AlertPolicy.GATEWAY, Alert.Severity.WARNING, ANONYMOUS, startedAt));
        }
        if (real && usesExampleTariff(settings)) {
            alerts.add(new Alert("smsa", Alert.Severity.WARNING, EXAMPLE_TARIFF, startedAt));
        }
        return new ConfigurationAlerts(alerts);
    }

    static boolean usesExampleTariff(GatewaySettings settings) {
        return settings.carrierOrder().contains(io.haderos.shipping.domain.model.CarrierId.SMSA)
                && settings.smsa().tariffFile().isEmpty();
    }

    @Override
    public List<Alert> alerts() {
        return alerts;
    }
}
