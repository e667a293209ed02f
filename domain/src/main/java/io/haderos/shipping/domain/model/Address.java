package io.haderos.shipping.domain.model;

/**
 * A postal address. Rate quotes need only the country and city; a shipment needs {@code line1} too.
 * Absent optional parts are empty strings, never null.
 */
public record Address(CountryCode country, String city, String line1, String line2, String postalCode) {

    public static final int MAX_CITY = 60;
    public static final int MAX_LINE = 100;
    public static final int MAX_POSTAL_CODE = 12;

    public Address {
        Checks.required(country, "country");
        city = Checks.text(city, "city", MAX_CITY);
        line1 = Checks.optionalText(line1, "line1", MAX_LINE);
        line2 = Checks.optionalText(line2, "line2", MAX_LINE);
        postalCode = Checks.optionalText(postalCode, "postalCode", MAX_POSTAL_CODE);
    }

    /** A place given by country and city alone, as rate quotes need it. */
    public static Address of(CountryCode country, String city) {
        return new Address(country, city, "", "", "");
    }

    public boolean sameCountryAs(Address other) {
        return country.equals(other.country);
    }
}
