package io.haderos.shipping.benchmarks.scenario.hang;

import java.util.List;
import java.util.OptionalLong;

/**
 * Whether any order reached both carriers: each held or Aramex-created order looked up at the SMSA stand-in by
 * reference, and the SMSA stand-in's count of created shipments set against the ships the gateway says SMSA created.
 *
 * @param lookupAvailable whether the SMSA stand-in answers reference look-ups (it proved it on an SMSA-created order)
 * @param lookedUp orders looked up at SMSA
 * @param atBoth orders found at SMSA although the gateway reports them held or created by Aramex
 * @param smsaStandInCreated shipments the SMSA stand-in created, when its statistics answered
 * @param smsaServed ships the gateway answered as created by SMSA
 * @param examples a few of the orders found at both
 */
public record DoubleShipCheck(
        boolean lookupAvailable,
        int lookedUp,
        int atBoth,
        OptionalLong smsaStandInCreated,
        long smsaServed,
        List<String> examples) {

    public DoubleShipCheck {
        examples = List.copyOf(examples);
    }

    /** More shipments at SMSA than the gateway knows of: some order went to SMSA without the gateway saying so. */
    public boolean smsaCountExceeds() {
        return smsaStandInCreated.isPresent() && smsaStandInCreated.getAsLong() > smsaServed;
    }

    /** Whether anything could be checked at all. */
    public boolean verifiable() {
        return lookupAvailable || smsaStandInCreated.isPresent();
    }

    /** No evidence of an order at both carriers, and at least one way of looking. */
    public boolean passed() {
        return verifiable() && atBoth == 0 && !smsaCountExceeds();
    }
}
