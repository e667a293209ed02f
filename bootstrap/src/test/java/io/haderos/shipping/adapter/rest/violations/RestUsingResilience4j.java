package io.haderos.shipping.adapter.rest.violations;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/** Breaks "resilience4j stays in the breaker and carrier adapters": kept to prove the rule fires. */
public class RestUsingResilience4j {
    CircuitBreaker breaker;
}
