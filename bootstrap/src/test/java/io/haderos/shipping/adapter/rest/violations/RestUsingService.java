package io.haderos.shipping.adapter.rest.violations;

import io.haderos.shipping.application.service.QuoteRatesService;

/** Breaks "adapters enter the core through use-case interfaces": kept to prove the rule fires. */
public class RestUsingService {
    QuoteRatesService service;
}
