package io.haderos.shipping.domain.violations;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Breaks "domain imports only the JDK": kept to prove the architecture rule fires. */
public class DomainWithJson {
    final ObjectMapper mapper = new ObjectMapper();
}
