package io.haderos.shipping.adapter.alerts.violations;

import org.flywaydb.core.Flyway;

/** Breaks "JDBI, Flyway and the pool stay in adapters-jdbi": kept to prove the rule fires. */
public class AlertsUsingFlyway {
    Flyway flyway;
}
