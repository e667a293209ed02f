package io.haderos.shipping.domain.model;

import java.util.regex.Pattern;

/** Someone who sends or receives a shipment: contact details and address. */
public record Party(String name, String company, String phone, String email, Address address) {

    public static final int MAX_NAME = 100;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{5,24}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{1,63}");

    public Party {
        name = Checks.text(name, "name", MAX_NAME);
        company = Checks.optionalText(company, "company", MAX_NAME);
        phone = Checks.text(phone, "phone", 25);
        if (!PHONE.matcher(phone).matches()) {
            throw new InvalidValueException("phone", "must be a phone number such as +966551112233");
        }
        email = Checks.optionalText(email, "email", 254);
        if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
            throw new InvalidValueException("email", "must be an e-mail address");
        }
        Checks.required(address, "address");
        if (address.line1().isEmpty()) {
            throw new InvalidValueException("address.line1", "is required");
        }
    }

    /** The phone number as digits only, with the country prefix: {@code 966551112233}. */
    public String phoneDigits() {
        return phone.replaceAll("[^0-9]", "");
    }
}
