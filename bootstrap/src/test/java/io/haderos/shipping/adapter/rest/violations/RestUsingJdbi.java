package io.haderos.shipping.adapter.rest.violations;

import org.jdbi.v3.core.Jdbi;

/** Breaks "JDBI stays in adapters-jdbi": kept to prove the rule fires. */
public class RestUsingJdbi {
    Jdbi jdbi;
}
