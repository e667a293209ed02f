package io.haderos.shipping.domain.model;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/** A non-negative amount in an ISO-4217 currency. Amounts keep their decimal form: never a double. */
public record Money(BigDecimal amount, Currency currency) {

    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");

    /** Most decimals an amount may have (three, for the currencies that divide into thousandths). */
    public static final int MAX_DECIMALS = 3;

    /**
     * The written form of an amount: digits, then optionally a point and one to {@value #MAX_DECIMALS} digits. No sign,
     * no spaces, no exponent, no grouping: {@code "187.45"}, {@code "250"}, {@code "0.5"}.
     */
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,10}(\\.[0-9]{1," + MAX_DECIMALS + "})?");

    public Money {
        amount = Checks.nonNegative(amount, "amount", MAX_AMOUNT, MAX_DECIMALS);
        Checks.required(currency, "currency");
    }

    /**
     * Parses an amount written as {@code "187.45"} (digits, optionally a point and at most {@value #MAX_DECIMALS}
     * decimals; no sign, spaces or exponent) and a currency code such as {@code "SAR"}.
     */
    public static Money of(String amount, String currency) {
        Checks.required(amount, "amount");
        if (!AMOUNT.matcher(amount).matches()) {
            throw new InvalidValueException(
                    "amount",
                    "must be a decimal number such as \"187.45\": digits, optionally a point and at most "
                            + MAX_DECIMALS + " decimals, without sign, spaces or exponent");
        }
        return new Money(new BigDecimal(amount), currency(currency));
    }

    /** Parses an ISO-4217 currency code, naming the field when it is not one. */
    public static Currency currency(String code) {
        Checks.required(code, "currency");
        if (!isThreeCapitals(code)) {
            throw new InvalidValueException("currency", "must be an ISO-4217 code such as SAR");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("currency", "must be an ISO-4217 code such as SAR");
        }
    }

    /** {@code [A-Z]{3}}, without compiling a pattern per quote. */
    private static boolean isThreeCapitals(String code) {
        if (code.length() != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            char c = code.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
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
