package io.haderos.shipping.benchmarks.scenario.hang;

import java.time.Duration;

/**
 * A transition of the Aramex breaker.
 *
 * @param at when, as time since the run's start
 * @param from the state it left ({@code closed}, {@code open}, {@code half_open} …)
 * @param to the state it entered
 * @param cause the gateway's words for why, or {@code ""}
 */
public record BreakerTransition(Duration at, String from, String to, String cause) {}
