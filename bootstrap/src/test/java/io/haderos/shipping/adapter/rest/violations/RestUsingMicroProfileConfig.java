package io.haderos.shipping.adapter.rest.violations;

import org.eclipse.microprofile.config.ConfigProvider;

/** Breaks "MicroProfile Config stays in bootstrap": kept to prove the rule fires. */
public class RestUsingMicroProfileConfig {
    Object port() {
        return ConfigProvider.getConfig().getValue("http.port", Integer.class);
    }
}
