package io.haderos.shipping.adapter.rest.violations;

import jakarta.mail.Session;

/** Breaks "Jakarta Mail stays in adapters-alerts": kept to prove the rule fires. */
public class RestUsingJakartaMail {
    Session session;
}
