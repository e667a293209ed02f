package io.haderos.shipping.adapter.rest;

import static io.haderos.shipping.adapter.rest.InvalidRequestException.at;

import io.haderos.shipping.domain.model.Address;
import io.haderos.shipping.domain.model.CountryCode;

/**
 * {@code {"country":"SA","city":"Jeddah","line1":…,"line2":…,"postal_code":…}}. Rate quotes need only
 * country and city; a shipment's parties need {@code line1} as well.
 */
record AddressRequest(String country, String city, String line1, String line2, String postalCode) {

    Address toDomain(String path) {
        return at(
                path,
                () -> new Address(country == null ? null : CountryCode.of(country), city, line1, line2, postalCode));
    }
}
