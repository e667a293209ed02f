package io.haderos.shipping.adapter.rest;

import static io.haderos.shipping.adapter.rest.InvalidRequestException.at;
import static io.haderos.shipping.adapter.rest.InvalidRequestException.required;

import io.haderos.shipping.domain.model.Address;
import io.haderos.shipping.domain.model.Dimensions;
import io.haderos.shipping.domain.model.Money;
import io.haderos.shipping.domain.model.RateRequest;
import io.haderos.shipping.domain.model.Weight;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/**
 * The body of {@code POST /api/v1/integrations/shipping/rates}:
 * {@code {"origin":{…},"destination":{…},"weight_kg":1.5}}, optionally {@code pieces} (default 1),
 * {@code dimensions_cm}, {@code currency} and {@code service}.
 */
record RateQuoteRequest(
        AddressRequest origin,
        AddressRequest destination,
        BigDecimal weightKg,
        Integer pieces,
        DimensionsRequest dimensionsCm,
        String currency,
        String service) {

    RateRequest toDomain() {
        Address from = required(origin, "origin").toDomain("origin");
        Address to = required(destination, "destination").toDomain("destination");
        Weight weight = at("", () -> new Weight(weightKg));
        Optional<Dimensions> dimensions = Optional.ofNullable(dimensionsCm).map(d -> d.toDomain("dimensions_cm"));
        Optional<Currency> preferred = Optional.ofNullable(currency).map(c -> at("", () -> Money.currency(c)));
        int count = pieces == null ? 1 : pieces;
        return at(
                "",
                () -> new RateRequest(from, to, weight, count, dimensions, preferred, Optional.ofNullable(service)));
    }
}
