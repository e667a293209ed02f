package io.haderos.shipping.domain.model;

import java.util.Locale;
import java.util.Set;

/** An ISO-3166 alpha-2 country code, upper case ({@code SA}, {@code AE}). */
public record CountryCode(String value) {

    private static final Set<String> ISO_COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    public CountryCode {
        Checks.required(value, "country");
        if (!ISO_COUNTRIES.contains(value)) {
            throw new InvalidValueException(
                    "country", "must be an ISO-3166 alpha-2 code such as SA or AE (got '" + abbreviate(value) + "')");
        }
    }

    public static CountryCode of(String value) {
        return new CountryCode(value);
    }

    private static String abbreviate(String value) {
        return value.length() <= 8 ? value : value.substring(0, 8) + "…";
    }

    @Override
    public String toString() {
        return value;
    }
}
