package io.haderos.shipping.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AramexQuoteTest {

    @ParameterizedTest(name = "{0} {1} {2} in {3} = {4} {5}")
    @CsvSource({
        "DOM, 0.2, KG, SAR, 25.00, SAR",
        "DOM, 1.0, KG, , 25.00, SAR",
        "DOM, 1.01, KG, SAR, 30.00, SAR",
        "DOM, 2.5, KG, SAR, 35.00, SAR",
        "DOM, 3, LB, SAR, 30.00, SAR",
        "EXP, 1, KG, SAR, 120.00, SAR",
        "EXP, 3.2, KG, USD, 52.65, USD",
        "EXP, 2, KG, aed, 142.10, AED",
        "DOM, 1, KG, XYZ, 25.00, SAR"
    })
    void givenWeightAndCurrency_whenQuoted_thenDocumentedFormula(
            String group, double weight, String unit, String currency, String total, String quotedCurrency) {
        AramexQuote quote = AramexQuote.of(group, weight, unit, currency);

        assertThat(quote.total()).isEqualByComparingTo(total);
        assertThat(quote.currency()).isEqualTo(quotedCurrency);
    }
}
