package io.haderos.shipping.application.violations;

import io.micrometer.core.instrument.Counter;

/** Breaks "metrics stay in bootstrap": kept to prove the rule fires. */
public class ApplicationUsingMicrometer {
    Counter fallbacks;
}
