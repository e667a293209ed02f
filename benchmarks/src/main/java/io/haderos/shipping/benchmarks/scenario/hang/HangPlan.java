package io.haderos.shipping.benchmarks.scenario.hang;

import io.haderos.shipping.benchmarks.scenario.Options;
import java.time.Duration;

/**
 * The hang scenario's schedule and load: Aramex healthy, then hanging, then healthy again, under an open-loop load of
 * rate quotes and ships, with the probes and monitoring polled throughout.
 *
 * @param healthy how long Aramex is healthy before the hang (the first window is the warm-up)
 * @param hang how long it hangs
 * @param healed how long it is healthy again afterwards
 * @param window the width of one reporting window
 * @param ratesPerSecond rate quotes started per second
 * @param shipsPerSecond ships started per second, each with its own order id
 * @param probesPerSecond {@code /health/live} and monitoring requests per second, each
 * @param breakerPollsPerSecond monitoring polls per second that read the Aramex breaker's state
 * @param carrierTimeout the gateway's Aramex timeout ({@code ARAMEX_TIMEOUT}): a client request that took this long
 *     waited for it
 * @param recoveryTimeout the breakers' recovery timeout T ({@code CIRCUIT_BREAKER_RECOVERY_TIMEOUT})
 * @param slowRates the slow-call threshold S of rate quotes
 * @param slowShip the slow-call threshold S of ships
 * @param clientTimeout how long the driver waits for any one answer
 * @param maxInFlight the most requests the driver keeps outstanding
 */
public record HangPlan(
        Duration healthy,
        Duration hang,
        Duration healed,
        Duration window,
        double ratesPerSecond,
        double shipsPerSecond,
        double probesPerSecond,
        double breakerPollsPerSecond,
        Duration carrierTimeout,
        Duration recoveryTimeout,
        Duration slowRates,
        Duration slowShip,
        Duration clientTimeout,
        int maxInFlight) {

    /** The schedule of the issue: 20 s healthy, 60 s hanging, 60 s healthy, 400 quotes/s and 8 ships/s, T = 20 s. */
    public static HangPlan from(Options options) {
        return new HangPlan(
                options.seconds("healthy", Duration.ofSeconds(20), Duration.ofSeconds(10)),
                options.seconds("hang", Duration.ofSeconds(60), Duration.ofSeconds(15)),
                options.seconds("healed", Duration.ofSeconds(60), Duration.ofSeconds(15)),
                options.seconds("window", Duration.ofSeconds(5), Duration.ofSeconds(5)),
                options.number("rates-per-second", 400, 50),
                options.number("ships-per-second", 8, 2),
                options.number("probes-per-second", 10, 10),
                options.number("breaker-polls-per-second", 4, 4),
                options.seconds("aramex-timeout", Duration.ofSeconds(10), Duration.ofSeconds(10)),
                options.seconds("recovery-timeout", Duration.ofSeconds(20), Duration.ofSeconds(5)),
                options.seconds("slow-rates", Duration.ofSeconds(3), Duration.ofSeconds(3)),
                options.seconds("slow-ship", Duration.ofSeconds(8), Duration.ofSeconds(8)),
                options.seconds("client-timeout", Duration.ofSeconds(30), Duration.ofSeconds(30)),
                options.integer("max-in-flight", 8000, 8000));
    }

    /** The whole load, from the first request to the last start. */
    public Duration total() {
        return healthy.plus(hang).plus(healed);
    }

    /** How many windows the load spans. */
    public int windows() {
        return (int) ((total().toNanos() + window.toNanos() - 1) / window.toNanos());
    }

    /** The breaker must open within S(rates) + 1 s of the hang's start. */
    public Duration openWithin() {
        return slowRates.plusSeconds(1);
    }

    /** The breaker must close within T + S(rates) + 1 s of healing. */
    public Duration closeWithin() {
        return recoveryTimeout.plus(slowRates).plusSeconds(1);
    }

    /** Ships sent this long into the hang may be held: S(ship) + 1 s. */
    public Duration heldShipsGrace() {
        return slowShip.plusSeconds(1);
    }
}
