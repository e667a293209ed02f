package io.haderos.shipping.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;

/**
 * The Aramex stand-in's deterministic price list.
 *
 * <p>Started kilograms {@code k = max(1, ceil(weightKg))} (pounds are converted at 0.45359237
 * kg/lb first). In SAR:
 * <ul>
 *   <li>{@code DOM}: {@code Amount = 25.00}, {@code OtherAmount1 = 5.00 × (k − 1)};</li>
 *   <li>{@code EXP}: {@code Amount = 120.00}, {@code OtherAmount1 = 25.00 × (k − 1)}.</li>
 * </ul>
 * No tax ({@code TaxAmount = 0}); {@code TotalAmount = Amount + OtherAmount1}. With a
 * {@code PreferredCurrencyCode} from {@link #RATES_PER_SAR} each component is multiplied by that
 * fixed rate and rounded half-up to 2 decimals before summing; any other or no preferred currency
 * quotes in SAR. The product type does not change the price.
 * Examples: DOM 2.5 kg = 25 + 5 × 2 = 35.00 SAR; EXP 1.0 kg = 120.00 SAR; EXP 3.2 kg in USD =
 * 32.40 + 20.25 = 52.65 USD.
 */
record AramexQuote(String currency, BigDecimal amount, BigDecimal extraWeightCharge) {

    static final BigDecimal KG_PER_LB = new BigDecimal("0.45359237");

    /** Fixed, illustrative conversion rates: units of the currency per 1 SAR. */
    static final Map<String, BigDecimal> RATES_PER_SAR = Map.ofEntries(
            Map.entry("SAR", BigDecimal.ONE),
            Map.entry("USD", new BigDecimal("0.27")),
            Map.entry("AED", new BigDecimal("0.98")),
            Map.entry("KWD", new BigDecimal("0.08")),
            Map.entry("BHD", new BigDecimal("0.10")),
            Map.entry("QAR", new BigDecimal("0.97")),
            Map.entry("OMR", new BigDecimal("0.10")),
            Map.entry("JOD", new BigDecimal("0.19")),
            Map.entry("EGP", new BigDecimal("13.00")),
            Map.entry("EUR", new BigDecimal("0.25")));

    static AramexQuote of(String productGroup, double weight, String weightUnit, String preferredCurrency) {
        BigDecimal kilograms = BigDecimal.valueOf(weight);
        if ("LB".equalsIgnoreCase(weightUnit)) {
            kilograms = kilograms.multiply(KG_PER_LB);
        }
        int started = Math.max(1, kilograms.setScale(0, RoundingMode.CEILING).intValueExact());
        boolean domestic = "DOM".equalsIgnoreCase(productGroup);
        BigDecimal base = new BigDecimal(domestic ? "25.00" : "120.00");
        BigDecimal perKg = new BigDecimal(domestic ? "5.00" : "25.00");
        BigDecimal extra = perKg.multiply(BigDecimal.valueOf(started - 1L));
        String currency =
                preferredCurrency == null ? "SAR" : preferredCurrency.trim().toUpperCase(Locale.ROOT);
        BigDecimal rate = RATES_PER_SAR.get(currency);
        if (rate == null) {
            currency = "SAR";
            rate = BigDecimal.ONE;
        }
        return new AramexQuote(currency, convert(base, rate), convert(extra, rate));
    }

    BigDecimal total() {
        return amount.add(extraWeightCharge);
    }

    private static BigDecimal convert(BigDecimal sar, BigDecimal rate) {
        return sar.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }
}
