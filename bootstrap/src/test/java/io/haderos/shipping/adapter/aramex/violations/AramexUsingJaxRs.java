package io.haderos.shipping.adapter.aramex.violations;

import jakarta.ws.rs.core.Response;

/** Breaks "JAX-RS stays in adapters-rest": kept to prove the rule fires. */
public class AramexUsingJaxRs {
    Response response;
}
