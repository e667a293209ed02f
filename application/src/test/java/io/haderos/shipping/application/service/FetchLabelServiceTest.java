package io.haderos.shipping.application.service;

import static io.haderos.shipping.application.service.Fixtures.SHOP;
import static io.haderos.shipping.domain.testing.Await.await;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.haderos.shipping.application.port.in.LabelNotFoundException;
import io.haderos.shipping.application.port.in.NoCarrierAvailableException;
import io.haderos.shipping.application.port.in.OrderNotFoundException;
import io.haderos.shipping.application.port.out.CarrierCallObserver;
import io.haderos.shipping.domain.model.Attempt;
import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.ClientId;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.Label;
import io.haderos.shipping.domain.model.LabelFormat;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.ShipmentRecord;
import io.haderos.shipping.domain.policy.CarrierOperation;
import io.haderos.shipping.domain.port.out.CarrierMessage;
import io.haderos.shipping.domain.port.out.CarrierRejectedException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.ShipmentStore;
import io.haderos.shipping.domain.port.out.TrackingNumberNotFoundException;
import io.haderos.shipping.domain.testing.ForwardingShipmentStore;
import io.haderos.shipping.domain.testing.InMemoryShipmentStore;
import io.haderos.shipping.domain.testing.ManualScheduler;
import io.haderos.shipping.domain.testing.MutableClock;
import io.haderos.shipping.domain.testing.ScriptedCarrier;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Labels are served from the store; missing ones are asked of the carrier that created the shipment, and of no other,
 * then stored. A link-only label is fetched in the background soon after creation, retried while the carrier is down.
 */
class FetchLabelServiceTest {

    private static final OrderId ORDER = OrderId.of("ORD-31");
    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(US_ASCII);
    private static final Label STORED = Label.of(1, LabelFormat.PDF, PDF);
    private static final Label LINK_ONLY =
            Label.at(1, LabelFormat.PDF, URI.create("https://aramex.example/content/rpt_cache/1.pdf"));

    private final MutableClock clock = MutableClock.at("2026-11-30T10:00:00Z");
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final InMemoryShipmentStore store = new InMemoryShipmentStore();
    private final ScriptedCarrier aramex = new ScriptedCarrier(CarrierId.ARAMEX);
    private final ScriptedCarrier smsa = new ScriptedCarrier(CarrierId.SMSA);
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final FetchLabelService labels =
            new FetchLabelService(List.of(aramex, smsa), store, new Recording(calls), Runnable::run, scheduler);

    @Test
    void givenStoredLabels_whenAskedWhileTheCarrierIsDown_thenTheyAreServedWithoutAskingIt() {
        shipped(CarrierId.ARAMEX, List.of(STORED));
        aramex.alwaysFail(() -> CarrierUnavailableException.circuitOpen(CarrierId.ARAMEX, Duration.ofSeconds(60)));

        CreatedShipment shipment = await(labels.labels(SHOP, ORDER));

        assertThat(shipment.labels()).containsExactly(STORED);
        assertThat(aramex.labelFetches()).isZero();
    }

    @Test
    void givenALinkOnly_whenAsked_thenTheCarrierGivesTheBytesWhichAreStoredAndServedNextTimeWithoutIt() {
        shipped(CarrierId.ARAMEX, List.of(LINK_ONLY));
        aramex.withLabels(List.of(STORED));

        assertThat(await(labels.labels(SHOP, ORDER)).labels()).containsExactly(STORED);
        assertThat(await(labels.labels(SHOP, ORDER)).labels()).containsExactly(STORED);

        assertThat(aramex.labelFetches()).isEqualTo(1);
        assertThat(store.find(ORDER).orElseThrow().shipment().orElseThrow().labels())
                .containsExactly(STORED);
        assertThat(calls).containsExactly("aramex FETCH_LABEL SUCCESS");
    }

    @Test
    void givenMissingLabels_whenAsked_thenOnlyTheCarrierThatCreatedTheShipmentIsAsked() {
        shipped(CarrierId.SMSA, List.of());
        aramex.withLabels(List.of(STORED));
        smsa.alwaysFail(() -> new CarrierUnavailableException(
                CarrierId.SMSA, CarrierUnavailableException.Reason.SERVICE_UNAVAILABLE, "HTTP 503"));

        Throwable failure = catchThrowable(() -> await(labels.labels(SHOP, ORDER)));

        assertThat(failure).isInstanceOf(NoCarrierAvailableException.class);
        assertThat(((NoCarrierAvailableException) failure).attempts())
                .extracting(Attempt::carrier)
                .containsExactly(CarrierId.SMSA);
        assertThat(aramex.calls()).isZero();
    }

    @Test
    void givenMissingLabelsAndAnOpenBreaker_thenUnavailableWithTheBreakersRetryAfter() {
        shipped(CarrierId.ARAMEX, List.of(LINK_ONLY));
        aramex.alwaysFail(() -> CarrierUnavailableException.circuitOpen(CarrierId.ARAMEX, Duration.ofSeconds(42)));

        Throwable failure = catchThrowable(() -> await(labels.labels(SHOP, ORDER)));

        assertThat(failure).isInstanceOf(NoCarrierAvailableException.class);
        assertThat(((NoCarrierAvailableException) failure).retryAfter()).contains(Duration.ofSeconds(42));
    }

    @Test
    void givenTheCarrierHasNone_whenAsked_thenNoLabel() {
        shipped(CarrierId.SMSA, List.of());
        smsa.withLabels(List.of());

        assertThat(catchThrowable(() -> await(labels.labels(SHOP, ORDER))))
                .isInstanceOf(LabelNotFoundException.class)
                .hasMessageContaining("smsa has no label");
    }

    @Test
    void givenTheCarrierDoesNotKnowTheShipment_whenAsked_thenNoLabel() {
        shipped(CarrierId.ARAMEX, List.of(LINK_ONLY));
        aramex.thenFail(() -> new TrackingNumberNotFoundException(CarrierId.ARAMEX, "ARAMEX-1"));

        assertThat(catchThrowable(() -> await(labels.labels(SHOP, ORDER)))).isInstanceOf(LabelNotFoundException.class);
    }

    @Test
    void givenTheCarrierRefusesToPrintIt_whenAsked_thenNoLabel() {
        shipped(CarrierId.ARAMEX, List.of(LINK_ONLY));
        aramex.thenFail(() -> new CarrierRejectedException(
                CarrierId.ARAMEX, List.of(new CarrierMessage("ERR52", "ShipmentNumber - invalid"))));

        assertThat(catchThrowable(() -> await(labels.labels(SHOP, ORDER)))).isInstanceOf(LabelNotFoundException.class);
    }

    @Test
    void givenAnotherClientsOrder_whenAsked_thenItDoesNotExist() {
        shipped(CarrierId.ARAMEX, List.of(STORED));

        assertThat(catchThrowable(() -> await(labels.labels(ClientId.of("shop-app"), ORDER))))
                .isInstanceOf(OrderNotFoundException.class);
        assertThat(catchThrowable(() -> await(labels.labels(SHOP, OrderId.of("ORD-NONE")))))
                .isInstanceOf(OrderNotFoundException.class);
    }

    @Test
    void givenAnOrderWhosePersonalDataWasErased_whenAsked_thenNoLabelAndTheCarrierIsNotAskedAgain() {
        shipped(CarrierId.ARAMEX, List.of());
        aramex.withLabels(List.of(STORED));
        ShipmentRecord kept = store.find(ORDER).orElseThrow();
        ShipmentRecord erased = new ShipmentRecord(
                kept.orderId(),
                kept.requestFingerprint(),
                kept.status(),
                kept.shipment(),
                kept.fallback(),
                kept.attempts(),
                kept.createdAt(),
                kept.updatedAt(),
                kept.resolution(),
                kept.client(),
                Optional.of(clock.instant()));
        FetchLabelService afterErasure = new FetchLabelService(
                List.of(aramex), new ErasedStore(store, erased), CarrierCallObserver.none(), Runnable::run, scheduler);

        assertThat(catchThrowable(() -> await(afterErasure.labels(SHOP, ORDER))))
                .isInstanceOf(LabelNotFoundException.class)
                .hasMessageContaining("erased");
        assertThat(aramex.labelFetches()).isZero();
    }

    @Test
    void givenAnOrderNotShipped_whenAsked_thenNoLabelAndNoCarrierIsAsked() {
        store.claim(ORDER, SHOP, "fp", clock.instant());
        store.recordOutcomeUnknown(ORDER, List.of(), clock.instant());

        assertThat(catchThrowable(() -> await(labels.labels(SHOP, ORDER))))
                .isInstanceOf(LabelNotFoundException.class)
                .hasMessageContaining("OUTCOME_UNKNOWN");
        assertThat(aramex.calls() + smsa.calls()).isZero();
    }

    @Test
    void givenALinkOnlyAndTheCarrierDown_whenPrefetched_thenItIsRetriedUntilTheCarrierAnswers() {
        CreatedShipment shipment = shipped(CarrierId.ARAMEX, List.of(LINK_ONLY));
        aramex.withLabels(List.of(STORED))
                .thenFail(() -> CarrierUnavailableException.circuitOpen(CarrierId.ARAMEX, Duration.ofSeconds(60)))
                .thenFail(() -> new CarrierUnavailableException(
                        CarrierId.ARAMEX, CarrierUnavailableException.Reason.TIMEOUT, "no reply"));

        labels.prefetch(ORDER, shipment);
        assertThat(aramex.labelFetches()).isEqualTo(1);
        scheduler.advance(FetchLabelService.PREFETCH_RETRIES.get(0));
        assertThat(aramex.labelFetches()).isEqualTo(2);
        assertThat(storedLabels()).containsExactly(LINK_ONLY);
        scheduler.advance(FetchLabelService.PREFETCH_RETRIES.get(1));

        assertThat(aramex.labelFetches()).isEqualTo(3);
        assertThat(storedLabels()).containsExactly(STORED);
        scheduler.advance(Duration.ofHours(1));
        assertThat(aramex.labelFetches()).isEqualTo(3);
    }

    @Test
    void givenTheCarrierStaysDown_whenPrefetched_thenItGivesUpAfterTheLastRetry() {
        CreatedShipment shipment = shipped(CarrierId.ARAMEX, List.of(LINK_ONLY));
        aramex.alwaysFail(() -> CarrierUnavailableException.circuitOpen(CarrierId.ARAMEX, Duration.ofSeconds(60)));

        labels.prefetch(ORDER, shipment);
        scheduler.advance(Duration.ofHours(1));

        assertThat(aramex.labelFetches()).isEqualTo(1 + FetchLabelService.PREFETCH_RETRIES.size());
        assertThat(scheduler.pending()).isZero();
        assertThat(storedLabels()).containsExactly(LINK_ONLY);
    }

    @Test
    void givenAllLabelsStored_whenPrefetched_thenTheCarrierIsNotAsked() {
        CreatedShipment shipment = shipped(CarrierId.SMSA, List.of(STORED));

        labels.prefetch(ORDER, shipment);

        assertThat(smsa.calls()).isZero();
    }

    @Test
    void givenALinkOnlyLabel_whenShipped_thenTheShipCallAnswersAndTheLabelIsFetchedRightAfter() {
        aramex.creatingWithLabels(List.of(LINK_ONLY)).withLabels(List.of(STORED));
        ShipOrderService ship = new ShipOrderService(
                List.of(aramex, smsa),
                new io.haderos.shipping.domain.policy.FallbackPolicy(),
                store,
                Fixtures.WAREHOUSE,
                clock,
                CarrierCallObserver.none(),
                Runnable::run,
                Optional.of(labels));

        CreatedShipment created = await(ship.shipOrder(Fixtures.shipCommand(ORDER.value(), "1.0")))
                .record()
                .shipment()
                .orElseThrow();

        assertThat(created.labels()).containsExactly(LINK_ONLY);
        assertThat(aramex.labelFetches()).isEqualTo(1);
        assertThat(storedLabels()).containsExactly(STORED);
    }

    private CreatedShipment shipped(CarrierId carrier, List<Label> given) {
        CreatedShipment shipment = new CreatedShipment(carrier, carrier.value().toUpperCase() + "-1", List.of(), given);
        store.claim(ORDER, SHOP, "fp", clock.instant());
        store.recordCreated(ORDER, shipment, false, List.of(Attempt.success(carrier)), clock.instant());
        return shipment;
    }

    private List<Label> storedLabels() {
        return store.find(ORDER).orElseThrow().shipment().orElseThrow().labels();
    }

    private record Recording(List<String> calls) implements CarrierCallObserver {
        @Override
        public void called(CarrierId carrier, CarrierOperation operation, AttemptOutcome outcome, Duration elapsed) {
            calls.add(carrier + " " + operation + " " + outcome);
        }

        @Override
        public void fellBack(CarrierOperation operation, CarrierId from, CarrierId to) {}
    }

    /** The store as the retention leaves it: {@code erased} is what it reads for its order. */
    private static final class ErasedStore extends ForwardingShipmentStore {

        private final ShipmentRecord erased;

        ErasedStore(ShipmentStore store, ShipmentRecord erased) {
            super(store);
            this.erased = erased;
        }

        @Override
        public List<Label> storeLabels(OrderId orderId, List<Label> labels) {
            throw new AssertionError("an erased order's labels are not stored again");
        }

        @Override
        public Optional<ShipmentRecord> find(OrderId orderId) {
            return erased.orderId().equals(orderId) ? Optional.of(erased) : super.find(orderId);
        }
    }
}
