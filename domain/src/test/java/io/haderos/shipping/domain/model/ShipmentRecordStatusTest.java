package io.haderos.shipping.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What status a reader is told: a claim abandoned mid-call reads as held; nothing else of the record changes. */
class ShipmentRecordStatusTest {

    private static final Instant CLAIMED = Instant.parse("2026-11-30T10:00:00Z");
    private static final Instant ERASED = Instant.parse("2026-11-30T10:01:00Z");

    private static ShipmentRecord claim() {
        return new ShipmentRecord(
                OrderId.of("ORD-1"),
                "fp",
                ShipmentStatus.IN_PROGRESS,
                Optional.empty(),
                false,
                List.of(),
                CLAIMED,
                CLAIMED,
                Optional.empty(),
                Optional.of(ClientId.of("shop-web")),
                Optional.of(ERASED));
    }

    @Test
    void aLiveClaimReadsInProgress_andIsReturnedAsItIs() {
        Instant now = CLAIMED.plus(ShipmentRecord.ABANDONED_AFTER);

        assertThat(claim().statusAt(now)).isEqualTo(ShipmentStatus.IN_PROGRESS);
        assertThat(claim().asSeenAt(now)).isEqualTo(claim());
    }

    @Test
    void anAbandonedClaimReadsOutcomeUnknown_withEveryOtherPartKept() {
        Instant now = CLAIMED.plus(ShipmentRecord.ABANDONED_AFTER).plusMillis(1);

        ShipmentRecord seen = claim().asSeenAt(now);

        assertThat(claim().statusAt(now)).isEqualTo(ShipmentStatus.OUTCOME_UNKNOWN);
        assertThat(seen.status()).isEqualTo(ShipmentStatus.OUTCOME_UNKNOWN);
        assertThat(seen.client()).contains(ClientId.of("shop-web"));
        assertThat(seen.heldSince()).isEqualTo(CLAIMED);
        assertThat(seen.personalDataErasedAt()).contains(ERASED);
    }
}
