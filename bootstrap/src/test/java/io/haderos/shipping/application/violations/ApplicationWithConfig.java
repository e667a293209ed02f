package io.haderos.shipping.application.violations;

import org.eclipse.microprofile.config.Config;

/** Breaks "application imports only the JDK and the domain": kept to prove the rule fires. */
public class ApplicationWithConfig {
    Config config;
}
