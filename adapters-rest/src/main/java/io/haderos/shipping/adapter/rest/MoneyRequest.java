package io.haderos.shipping.adapter.rest;

import static io.haderos.shipping.adapter.rest.InvalidRequestException.at;

import io.haderos.shipping.domain.model.InvalidValueException;
import io.haderos.shipping.domain.model.Money;

/** {@code {"amount":"250.00","currency":"SAR"}}: the amount is a decimal string, as in every response. */
record MoneyRequest(String amount, String currency) {

    /** Longer than any amount the domain accepts; refused before parsing so that parsing stays cheap. */
    private static final int MAX_AMOUNT_CHARS = 32;

    Money toDomain(String path) {
        return at(path, () -> {
            if (amount != null && amount.length() > MAX_AMOUNT_CHARS) {
                throw new InvalidValueException("amount", "must be a decimal number such as \"187.45\"");
            }
            return Money.of(amount, currency);
        });
    }
}
