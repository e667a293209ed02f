package io.haderos.shipping.sandbox.violations;

import io.haderos.shipping.domain.model.CarrierId;

/** Breaks "the sandbox depends on none of our modules": kept to prove the rule fires. */
public class SandboxUsingDomain {
    CarrierId carrier;
}
