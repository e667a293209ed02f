package io.haderos.shipping.adapter.rest.violations;

import io.haderos.shipping.adapter.aramex.AramexShippingCarrier;

/** Breaks "adapters never import each other": kept to prove the rule fires. */
public class RestUsingAramex {
    AramexShippingCarrier carrier;
}
