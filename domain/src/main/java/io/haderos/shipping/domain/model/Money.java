package io.haderos.shipping.domain.model;

import java.math.BigDecimal;
import java.util.Currency;

/** A non-negative amount in an ISO-4217 currency. Amounts keep their decimal form: never a double. */
public record Money(BigDecimal amount, Currency currency) {

    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");

    public Money {
        amount = Checks.nonNegative(amount, "amount", MAX_AMOUNT, 3);
        Checks.required(currency, "currency");
    }

    /** Parses an amount such as {@code "187.45"} and a currency code such as {@code "SAR"}. */
    public static Money of(String amount, String currency) {
        Checks.required(amount, "amount");
        BigDecimal value;
        try {
            value = new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("amount", "must be a decimal number such as \"187.45\"");
        }
        return new Money(value, currency(currency));
    }

    /** Parses an ISO-4217 currency code, naming the field when it is not one. */
    public static Currency currency(String code) {
        Checks.required(code, "currency");
        if (!code.matches("[A-Z]{3}")) {
            throw new InvalidValueException("currency", "must be an ISO-4217 code such as SAR");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("currency", "must be an ISO-4217 code such as SAR");
        }
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** The amount with the currency's usual number of decimals, as sent over the wire: {@code "187.45"}. */
    public String formattedAmount() {
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        return amount.setScale(Math.max(digits, amount.scale()), java.math.RoundingMode.UNNECESSARY)
                .toPlainString();
    }
}
