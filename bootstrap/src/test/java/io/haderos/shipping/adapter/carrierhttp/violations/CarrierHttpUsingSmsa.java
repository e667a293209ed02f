package io.haderos.shipping.adapter.carrierhttp.violations;

import io.haderos.shipping.adapter.smsa.SmsaConfig;

/** Breaks "the shared carrier plumbing knows no carrier": kept to prove the rule fires. */
public class CarrierHttpUsingSmsa {
    SmsaConfig config;
}
