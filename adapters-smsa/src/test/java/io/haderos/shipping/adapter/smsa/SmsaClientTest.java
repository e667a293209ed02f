package io.haderos.shipping.adapter.smsa;

import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.domain.model.Address;
import io.haderos.shipping.domain.model.CountryCode;
import io.haderos.shipping.domain.model.Party;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The translation rules that WireMock tests would only show one at a time. */
class SmsaClientTest {

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource({
        "+966 55 111 2233, SA, 966551112233",
        "00966551112233,   SA, 966551112233",
        "0551112233,       SA, 966551112233",
        "551112233,        SA, 966551112233",
        "966551112233,     SA, 966551112233",
        "050 123 4567,     AE, 971501234567",
        "020 7946 0958,    GB, 02079460958",
        "+44 20 7946 0958, GB, 442079460958",
    })
    void givenAPhoneNumber_whenSentToSmsa_thenDigitsWithTheCountryCode(String phone, String country, String expected) {
        Party party = new Party(
                "Sara Ahmed", "", phone, "", new Address(CountryCode.of(country), "City", "Some street 12345", "", ""));

        assertThat(SmsaClient.phoneDigits(party)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "2025-01-01T16:40:12.53,   +03:00,          2025-01-01T16:40:12.530+03:00",
        "2025-01-01T16:40:12,      '',              2025-01-01T16:40:12+03:00",
        "2025-01-01 16:40:12,      +0400,           2025-01-01T16:40:12+04:00",
        "2025-01-01T16:40:12,      Asia/Riyadh,     2025-01-01T16:40:12+03:00",
        "2025-01-01T13:40:12Z,     +03:00,          2025-01-01T13:40:12Z",
    })
    void givenScanTimeAndZone_whenRead_thenOneOffsetDateTime(String dateTime, String zone, String expected) {
        assertThat(SmsaClient.scanTime(dateTime, zone)).isEqualTo(OffsetDateTime.parse(expected));
    }

    @Test
    void givenTextLongerThanTheLimit_whenClipped_thenCutWithoutSplittingASurrogatePair() {
        assertThat(SmsaClient.clip("short", 50)).isEqualTo("short");
        assertThat(SmsaClient.clip("abcdef", 3)).isEqualTo("abc");
        assertThat(SmsaClient.clip("ab\uD83D\uDE9A", 3)).isEqualTo("ab");
    }
}
