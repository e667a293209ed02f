package io.haderos.shipping.domain.testing;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.domain.model.Attempt;
import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.ClientId;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.HeldOrderCursor;
import io.haderos.shipping.domain.model.HeldOrderSummary;
import io.haderos.shipping.domain.model.Label;
import io.haderos.shipping.domain.model.LabelFormat;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.ShipmentRecord;
import io.haderos.shipping.domain.model.ShipmentResolution;
import io.haderos.shipping.domain.model.ShipmentStatus;
import io.haderos.shipping.domain.port.out.ShipmentStore;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * The {@link ShipmentStore} contract, one suite for every implementation: extend it and return a fresh,
 * empty store from {@link #store()}.
 */
public abstract class ShipmentStoreContract {

    private static final Instant T0 = Instant.parse("2026-11-27T08:00:00.123Z");
    private static final OrderId ORDER = OrderId.of("ORD-1001");
    private static final ClientId SHOP = ClientId.of("shop-web");
    private static final ClientId OTHER_SHOP = ClientId.of("shop-app");
    private static final CreatedShipment AT_SMSA = new CreatedShipment(
            CarrierId.SMSA,
            "231200021000",
            List.of("231200021001", "231200021002"),
            List.of(
                    Label.of(1, LabelFormat.ZPL, zpl("231200021001")),
                    Label.of(2, LabelFormat.ZPL, zpl("231200021002"))));
    private static final CreatedShipment AT_ARAMEX = new CreatedShipment(CarrierId.ARAMEX, "30123456789", List.of());
    private static final List<Attempt> ARAMEX_DOWN_THEN_SMSA = List.of(
            new Attempt(CarrierId.ARAMEX, AttemptOutcome.CONNECTION_REFUSED, "aramex refused the connection"),
            Attempt.success(CarrierId.SMSA));
    private static final List<Attempt> ARAMEX_TIMED_OUT =
            List.of(new Attempt(CarrierId.ARAMEX, AttemptOutcome.TIMEOUT, "no answer from aramex within 10 s"));

    /** A new, empty store for each test. */
    protected abstract ShipmentStore store();

    @Test
    void givenNoRecord_whenClaimed_thenTheCallerHoldsAnInProgressClaim() {
        ShipmentStore store = store();

        assertThat(store.claim(ORDER, SHOP, "fp-1", T0)).isEmpty();

        ShipmentRecord record = store.find(ORDER).orElseThrow();
        assertThat(record.status()).isEqualTo(ShipmentStatus.IN_PROGRESS);
        assertThat(record.requestFingerprint()).isEqualTo("fp-1");
        assertThat(record.createdAt()).isEqualTo(T0);
        assertThat(record.shipment()).isEmpty();
        assertThat(record.client()).contains(SHOP);
    }

    @Test
    void givenAClaim_whenClaimedAgain_thenTheExistingRecordIsReturnedUntouched() {
        ShipmentStore store = store();
        store.claim(ORDER, SHOP, "fp-1", T0);

        Optional<ShipmentRecord> second = store.claim(ORDER, SHOP, "fp-2", T0.plusSeconds(1));

        assertThat(second).map(ShipmentRecord::requestFingerprint).contains("fp-1");
        assertThat(store.find(ORDER).orElseThrow().requestFingerprint()).isEqualTo("fp-1");
    }

    @Test
    void whenCreated_thenEverythingAboutTheShipmentReadsBackAsWritten() {
        ShipmentStore store = store();
        store.claim(ORDER, SHOP, "fp-1", T0);

        store.recordCreated(ORDER, AT_SMSA, true, ARAMEX_DOWN_THEN_SMSA, T0.plusSeconds(2));

        ShipmentRecord record = store.find(ORDER).orElseThrow();
        assertThat(record.status()).isEqualTo(ShipmentStatus.CREATED);
        assertThat(record.shipment()).contains(AT_SMSA);
        assertThat(record.fallback()).isTrue();
        assertThat(record.attempts()).isEqualTo(ARAMEX_DOWN_THEN_SMSA);
        assertThat(record.createdAt()).isEqualTo(T0);
        assertThat(record.updatedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(record.resolution()).isEmpty();
        assertThat(store.claim(ORDER, SHOP, "fp-1", T0.plusSeconds(3))).contains(record);
    }

    @Test
    void whenTheOutcomeIsUnknown_thenTheOrderIsHeldWithItsAttempts() {
        ShipmentStore store = store();
        store.claim(ORDER, SHOP, "fp-1", T0);

        store.recordOutcomeUnknown(ORDER, ARAMEX_TIMED_OUT, T0.plusSeconds(10));

        ShipmentRecord record = store.find(ORDER).orElseThrow();
        assertThat(record.status()).isEqualTo(ShipmentStatus.OUTCOME_UNKNOWN);
        assertThat(record.attempts()).isEqualTo(ARAMEX_TIMED_OUT);
        assertThat(store.claim(ORDER, SHOP, "fp-1", T0.plusSeconds(11)))
                .map(ShipmentRecord::status)
                .contains(ShipmentStatus.OUTCOME_UNKNOWN);
    }

    @Test
    void whenReleased_thenTheOrderIsForgottenAndCanBeClaimedAgain() {
        ShipmentStore store = store();
        store.claim(ORDER, SHOP, "fp-1", T0);

        store.release(ORDER);

        assertThat(store.find(ORDER)).isEmpty();
        assertThat(store.claim(ORDER, SHOP, "fp-2", T0.plusSeconds(1))).isEmpty();
        assertThat(store.find(ORDER).orElseThrow().requestFingerprint()).isEqualTo("fp-2");
    }

    @Test
    void givenManyConcurrentClaims_thenExactlyOneCallerHoldsTheClaim() throws Exception {
        ShipmentStore store = store();
        Callable<Optional<ShipmentRecord>> claim = () -> store.claim(ORDER, SHOP, "fp-1", T0);

        List<Optional<ShipmentRecord>> claims = Race.run(Collections.nCopies(40, claim));

        assertThat(claims).filteredOn(Optional::isEmpty).as("winners").hasSize(1);
    }

    @Test
    void givenAnUnknownOutcome_whenAnOperatorFoundTheShipment_thenItIsCreatedAndReplayed() {
        ShipmentStore store = storeHoldingTheOrder();
        ShipmentResolution found = new ShipmentResolution(
                Optional.of(AT_ARAMEX), "nora@haderos.io", "found in the Aramex portal", T0.plusSeconds(600));

        Optional<ShipmentRecord> resolved = store.resolve(ORDER, found);

        assertThat(resolved).isPresent();
        ShipmentRecord record = store.find(ORDER).orElseThrow();
        assertThat(record).isEqualTo(resolved.get());
        assertThat(record.status()).isEqualTo(ShipmentStatus.CREATED);
        assertThat(record.shipment()).contains(AT_ARAMEX);
        assertThat(record.fallback()).isFalse();
        assertThat(record.attempts()).isEqualTo(ARAMEX_TIMED_OUT);
        assertThat(record.resolution()).contains(found);
        assertThat(store.claim(ORDER, SHOP, "fp-1", T0.plusSeconds(601))).contains(record);
    }

    @Test
    void givenAnUnknownOutcome_whenAnOperatorFoundNothing_thenTheNextRequestMayTryAgain() {
        ShipmentStore store = storeHoldingTheOrder();
        ShipmentResolution nothing =
                new ShipmentResolution(Optional.empty(), "nora@haderos.io", "", T0.plusSeconds(600));

        assertThat(store.resolve(ORDER, nothing)).map(ShipmentRecord::status).contains(ShipmentStatus.NOT_CREATED);

        assertThat(store.claim(ORDER, SHOP, "fp-2", T0.plusSeconds(700))).isEmpty();
        ShipmentRecord reclaimed = store.find(ORDER).orElseThrow();
        assertThat(reclaimed.status()).isEqualTo(ShipmentStatus.IN_PROGRESS);
        assertThat(reclaimed.requestFingerprint()).isEqualTo("fp-2");
        assertThat(reclaimed.resolution()).contains(nothing);
        assertThat(store.claim(ORDER, SHOP, "fp-2", T0.plusSeconds(701)))
                .map(ShipmentRecord::status)
                .contains(ShipmentStatus.IN_PROGRESS);
    }

    @Test
    void anOrderThatDoesNotAwaitResolutionCannotBeResolved() {
        ShipmentStore store = store();
        ShipmentResolution answer = new ShipmentResolution(Optional.of(AT_ARAMEX), "nora", "", T0.plusSeconds(60));
        assertThat(store.resolve(ORDER, answer)).as("unknown order").isEmpty();

        store.claim(ORDER, SHOP, "fp-1", T0);
        assertThat(store.resolve(ORDER, answer)).as("a live claim").isEmpty();

        store.recordCreated(ORDER, AT_SMSA, true, ARAMEX_DOWN_THEN_SMSA, T0.plusSeconds(2));
        assertThat(store.resolve(ORDER, answer)).as("created").isEmpty();
        assertThat(store.find(ORDER).orElseThrow().shipment()).contains(AT_SMSA);
    }

    @Test
    void aClaimAbandonedLongerThanAnyCarrierCallCanBeResolved() {
        ShipmentStore store = store();
        store.claim(ORDER, SHOP, "fp-1", T0);
        Instant later = T0.plus(ShipmentRecord.ABANDONED_AFTER).plus(Duration.ofSeconds(1));

        Optional<ShipmentRecord> resolved = store.resolve(
                ORDER, new ShipmentResolution(Optional.empty(), "nora", "the process died mid-call", later));

        assertThat(resolved).map(ShipmentRecord::status).contains(ShipmentStatus.NOT_CREATED);
    }

    @Test
    void givenConcurrentResolutions_thenExactlyOneIsApplied() throws Exception {
        ShipmentStore store = storeHoldingTheOrder();
        List<Callable<Optional<ShipmentRecord>>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Optional<CreatedShipment> found = i % 2 == 0 ? Optional.of(AT_ARAMEX) : Optional.empty();
            ShipmentResolution answer = new ShipmentResolution(found, "operator-" + i, "", T0.plusSeconds(60));
            answers.add(() -> store.resolve(ORDER, answer));
        }

        List<ShipmentRecord> applied =
                Race.run(answers).stream().flatMap(Optional::stream).toList();

        assertThat(applied).hasSize(1);
        assertThat(store.find(ORDER)).contains(applied.get(0));
    }

    @Test
    void givenAnOrderOfOneClient_whenAnotherClientClaimsIt_thenTheRecordIsReturnedUntouched() {
        ShipmentStore store = store();
        store.claim(ORDER, SHOP, "fp-1", T0);

        Optional<ShipmentRecord> other = store.claim(ORDER, OTHER_SHOP, "fp-1", T0.plusSeconds(1));

        assertThat(other).map(ShipmentRecord::client).contains(Optional.of(SHOP));
        assertThat(other.orElseThrow().isVisibleTo(OTHER_SHOP)).isFalse();
        assertThat(store.find(ORDER).orElseThrow().client()).contains(SHOP);
    }

    @Test
    void givenAnOrderFoundNotCreated_whenAnotherClientClaimsIt_thenItStaysTheFirstClients() {
        ShipmentStore store = storeHoldingTheOrder();
        store.resolve(ORDER, new ShipmentResolution(Optional.empty(), "nora", "", T0.plusSeconds(600)));

        Optional<ShipmentRecord> stranger = store.claim(ORDER, OTHER_SHOP, "fp-2", T0.plusSeconds(700));

        assertThat(stranger).map(ShipmentRecord::status).contains(ShipmentStatus.NOT_CREATED);
        assertThat(store.claim(ORDER, SHOP, "fp-2", T0.plusSeconds(701))).isEmpty();
        assertThat(store.find(ORDER).orElseThrow().client()).contains(SHOP);
    }

    @Test
    void ordersAreIndependent() {
        ShipmentStore store = store();
        OrderId other = OrderId.of("ORD-1002");
        store.claim(ORDER, SHOP, "fp-1", T0);
        store.claim(other, SHOP, "fp-9", T0);

        store.recordCreated(ORDER, AT_ARAMEX, false, List.of(Attempt.success(CarrierId.ARAMEX)), T0.plusSeconds(1));
        store.release(other);

        assertThat(store.find(ORDER).orElseThrow().status()).isEqualTo(ShipmentStatus.CREATED);
        assertThat(store.find(other)).isEmpty();
    }
    // ------------------------------------------------------------------------------------------- held orders

    /** Holds {@code id} at {@code at}: claimed a second earlier, then its outcome became unknown. */
    /** A store holding {@link #ORDER}: {@link #SHOP} claimed it at T0 with fp-1, and its outcome was unknown 10 s later. */
    private ShipmentStore storeHoldingTheOrder() {
        ShipmentStore store = store();
        store.claim(ORDER, SHOP, "fp-1", T0);
        store.recordOutcomeUnknown(ORDER, ARAMEX_TIMED_OUT, T0.plusSeconds(10));
        return store;
    }

    private static void hold(ShipmentStore store, String id, Instant at) {
        store.claim(OrderId.of(id), SHOP, "fp-" + id, at.minusSeconds(1));
        store.recordOutcomeUnknown(OrderId.of(id), ARAMEX_TIMED_OUT, at);
    }

    private static List<String> ids(List<ShipmentRecord> records) {
        return records.stream().map(record -> record.orderId().value()).toList();
    }

    @Test
    void heldOrdersAreTheUnknownOutcomesAndTheAbandonedClaims_oldestFirst() {
        ShipmentStore store = store();
        hold(store, "ORD-2001", T0.plusSeconds(30));
        hold(store, "ORD-2002", T0.plusSeconds(10));
        store.claim(OrderId.of("ORD-2003"), SHOP, "fp-abandoned", T0);
        store.claim(OrderId.of("ORD-2004"), SHOP, "fp-live", T0.plusSeconds(20));
        store.claim(OrderId.of("ORD-2005"), SHOP, "fp-created", T0);
        store.recordCreated(OrderId.of("ORD-2005"), AT_ARAMEX, false, List.of(Attempt.success(CarrierId.ARAMEX)), T0);
        hold(store, "ORD-2006", T0.plusSeconds(5));
        store.resolve(OrderId.of("ORD-2006"), new ShipmentResolution(Optional.empty(), "nora", "", T0.plusSeconds(40)));
        // ORD-2003's claim is abandoned at this moment; ORD-2004's is not yet.
        Instant now = T0.plus(ShipmentRecord.ABANDONED_AFTER).plusSeconds(15);

        List<ShipmentRecord> held = store.held(now, Optional.empty(), 10);

        assertThat(ids(held)).containsExactly("ORD-2003", "ORD-2002", "ORD-2001");
        assertThat(held.get(0).status()).as("stored as it is").isEqualTo(ShipmentStatus.IN_PROGRESS);
        assertThat(held.get(0).asSeenAt(now).status()).isEqualTo(ShipmentStatus.OUTCOME_UNKNOWN);
        assertThat(held.get(1).attempts()).isEqualTo(ARAMEX_TIMED_OUT);
        assertThat(held.get(1).client()).contains(SHOP);
        assertThat(store.heldSummary(now)).isEqualTo(new HeldOrderSummary(3, Optional.of(T0)));
    }

    @Test
    void heldOrdersArePagedByAStableKey_withoutSkippingOrRepeatingOne() {
        ShipmentStore store = store();
        // Two held at the same instant: the order id breaks the tie.
        hold(store, "ORD-3003", T0.plusSeconds(20));
        hold(store, "ORD-3001", T0.plusSeconds(10));
        hold(store, "ORD-3002", T0.plusSeconds(10));
        hold(store, "ORD-3004", T0.plusSeconds(30));
        hold(store, "ORD-3005", T0.plusSeconds(40));
        Instant now = T0.plusSeconds(60);

        List<ShipmentRecord> first = store.held(now, Optional.empty(), 2);
        List<ShipmentRecord> second = store.held(now, Optional.of(HeldOrderCursor.after(first.get(1))), 2);
        // An order resolved between pages does not move the others.
        store.resolve(OrderId.of("ORD-3001"), new ShipmentResolution(Optional.of(AT_ARAMEX), "nora", "", now));
        List<ShipmentRecord> third = store.held(now, Optional.of(HeldOrderCursor.after(second.get(1))), 2);

        assertThat(ids(first)).containsExactly("ORD-3001", "ORD-3002");
        assertThat(ids(second)).containsExactly("ORD-3003", "ORD-3004");
        assertThat(ids(third)).containsExactly("ORD-3005");
        assertThat(store.held(now, Optional.of(HeldOrderCursor.after(third.get(0))), 2))
                .isEmpty();
    }

    @Test
    void givenNothingHeld_thenTheListIsEmptyAndTheSummarySaysNone() {
        ShipmentStore store = store();
        store.claim(ORDER, SHOP, "fp-1", T0);

        assertThat(store.held(T0.plusSeconds(1), Optional.empty(), 10)).isEmpty();
        assertThat(store.heldSummary(T0.plusSeconds(1))).isEqualTo(HeldOrderSummary.NONE);
    }

    @Test
    void givenAnAramexLabelGivenAsALink_whenItsBytesAreStored_thenTheyReadBackWithTheLink() {
        ShipmentStore store = store();
        store.claim(ORDER, SHOP, "fp-1", T0);
        URI link = URI.create("https://ws.aramex.example/content/rpt_cache/9f1c2e7a.pdf");
        store.recordCreated(
                ORDER,
                AT_ARAMEX.withLabels(List.of(Label.at(1, LabelFormat.PDF, link))),
                false,
                List.of(Attempt.success(CarrierId.ARAMEX)),
                T0.plusSeconds(1));
        assertThat(store.find(ORDER).orElseThrow().shipment().orElseThrow().labels())
                .containsExactly(Label.at(1, LabelFormat.PDF, link));

        byte[] pdf = pdf("30123456789");
        List<Label> stored = store.storeLabels(
                ORDER, List.of(Label.at(1, LabelFormat.PDF, link).withContent(pdf)));

        Label label = store.find(ORDER)
                .orElseThrow()
                .shipment()
                .orElseThrow()
                .labels()
                .get(0);
        assertThat(label.content())
                .hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(pdf));
        assertThat(label.source()).contains(link);
        assertThat(stored).containsExactly(label);
    }

    @Test
    void aLabelThatIsNotWhatItsFormatSaysIsNotStored() {
        ShipmentStore store = store();
        store.claim(ORDER, SHOP, "fp-1", T0);
        Label corrupt = Label.of(2, LabelFormat.ZPL, "<html>label service error</html>".getBytes(US_ASCII));
        Label sound = Label.of(1, LabelFormat.ZPL, zpl("231200021001"));

        store.recordCreated(
                ORDER,
                AT_SMSA.withLabels(List.of(sound, corrupt)),
                false,
                List.of(Attempt.success(CarrierId.SMSA)),
                T0.plusSeconds(1));

        assertThat(store.find(ORDER).orElseThrow().shipment().orElseThrow().labels())
                .containsExactly(sound);
        assertThat(store.storeLabels(ORDER, List.of(Label.of(1, LabelFormat.PDF, "not a pdf".getBytes(US_ASCII)))))
                .isEmpty();
    }

    @Test
    void aLabelOfFiveMegabytesIsStoredAndOneByteMoreIsNot() {
        ShipmentStore store = store();
        store.claim(ORDER, SHOP, "fp-1", T0);
        store.recordCreated(ORDER, AT_ARAMEX, false, List.of(Attempt.success(CarrierId.ARAMEX)), T0.plusSeconds(1));
        byte[] largest = Arrays.copyOf(pdf("30123456789"), Label.MAX_BYTES);

        assertThat(store.storeLabels(ORDER, List.of(Label.of(1, LabelFormat.PDF, largest))))
                .hasSize(1);
        assertThat(store.storeLabels(
                        ORDER, List.of(Label.of(1, LabelFormat.PDF, Arrays.copyOf(largest, Label.MAX_BYTES + 1)))))
                .isEmpty();
    }

    @Test
    void labelsOfAnOrderWithoutAShipmentAreNotStored() {
        ShipmentStore store = store();
        store.claim(ORDER, SHOP, "fp-1", T0);

        assertThat(store.storeLabels(ORDER, List.of(Label.of(1, LabelFormat.PDF, pdf("1")))))
                .isEmpty();
        assertThat(store.find(ORDER).orElseThrow().shipment()).isEmpty();
    }

    private static byte[] zpl(String awb) {
        return ("^XA\n^FO60,60^A0N,40,40^FDAWB " + awb + "^FS\n^XZ\n").getBytes(US_ASCII);
    }

    private static byte[] pdf(String awb) {
        return ("%PDF-1.4\n% label " + awb + "\n%%EOF\n").getBytes(US_ASCII);
    }
}
