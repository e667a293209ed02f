package io.haderos.shipping.domain.violations;

/** Breaks "in-memory fakes live with the tests": a production-looking InMemory class, kept to prove the rule fires. */
public class InMemoryOrderBook {}
