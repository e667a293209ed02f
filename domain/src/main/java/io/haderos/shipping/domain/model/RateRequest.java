package io.haderos.shipping.domain.model;

import java.util.Currency;
import java.util.Optional;

/**
 * What a rate quote is for: from where, to where, how heavy and in how many pieces.
 *
 * @param currency the currency the caller prefers the quote in, if any
 * @param service  a carrier service code the caller wants priced (for example {@code PPX}), if any
 */
public record RateRequest(
        Address origin,
        Address destination,
        Weight weight,
        int pieces,
        Optional<Dimensions> dimensions,
        Optional<Currency> currency,
        Optional<String> service) {

    public static final int MAX_PIECES = 99;

    public RateRequest {
        Checks.required(origin, "origin");
        Checks.required(destination, "destination");
        Checks.required(weight, "weight");
        if (pieces < 1 || pieces > MAX_PIECES) {
            throw new InvalidValueException("pieces", "must be between 1 and " + MAX_PIECES);
        }
        Checks.required(dimensions, "dimensions");
        Checks.required(currency, "currency");
        service = Checks.required(service, "service").map(s -> Checks.text(s, "service", 10));
    }

    /** A single-piece request with no preferences. */
    public static RateRequest of(Address origin, Address destination, Weight weight) {
        return new RateRequest(origin, destination, weight, 1, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean isDomestic() {
        return origin.sameCountryAs(destination);
    }
}
