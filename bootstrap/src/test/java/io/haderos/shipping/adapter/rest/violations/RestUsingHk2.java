package io.haderos.shipping.adapter.rest.violations;

import org.glassfish.hk2.utilities.binding.AbstractBinder;

/** Breaks "HK2 stays in bootstrap": kept to prove the rule fires. */
public class RestUsingHk2 {
    AbstractBinder binder;
}
