package io.haderos.shipping.adapter.rest;

import io.haderos.shipping.application.port.in.CheckReadinessUseCase;
import io.haderos.shipping.application.port.in.CheckReadinessUseCase.Readiness;
import io.haderos.shipping.application.port.in.ClusterView;
import io.haderos.shipping.application.port.in.FetchLabelUseCase;
import io.haderos.shipping.application.port.in.FindShipmentUseCase;
import io.haderos.shipping.application.port.in.HeldOrdersPage;
import io.haderos.shipping.application.port.in.ListHeldOrdersQuery;
import io.haderos.shipping.application.port.in.ListHeldOrdersUseCase;
import io.haderos.shipping.application.port.in.MonitorCircuitBreakersUseCase;
import io.haderos.shipping.application.port.in.MonitoringReport;
import io.haderos.shipping.application.port.in.OverrideCircuitBreakerCommand;
import io.haderos.shipping.application.port.in.OverrideCircuitBreakerUseCase;
import io.haderos.shipping.application.port.in.QuoteRatesUseCase;
import io.haderos.shipping.application.port.in.RateQuotation;
import io.haderos.shipping.application.port.in.ReadCircuitTransitionsQuery;
import io.haderos.shipping.application.port.in.ReadCircuitTransitionsUseCase;
import io.haderos.shipping.application.port.in.ResolveShipmentCommand;
import io.haderos.shipping.application.port.in.ResolveShipmentUseCase;
import io.haderos.shipping.application.port.in.ShipOrderCommand;
import io.haderos.shipping.application.port.in.ShipOrderResult;
import io.haderos.shipping.application.port.in.ShipOrderUseCase;
import io.haderos.shipping.application.port.in.TrackShipmentUseCase;
import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import io.haderos.shipping.domain.circuit.RecordedTransition;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.ClientId;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.RateRequest;
import io.haderos.shipping.domain.model.ShipmentRecord;
import io.haderos.shipping.domain.model.ShipmentTracking;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every use case the API exposes, answering as a test scripts it and remembering what it was asked.
 * Unscripted, each fails loudly (an {@link AssertionError}, which the API reports as a 500).
 */
final class FakeUseCases
        implements QuoteRatesUseCase,
                ShipOrderUseCase,
                FindShipmentUseCase,
                TrackShipmentUseCase,
                MonitorCircuitBreakersUseCase,
                ReadCircuitTransitionsUseCase,
                OverrideCircuitBreakerUseCase,
                ResolveShipmentUseCase,
                ListHeldOrdersUseCase,
                CheckReadinessUseCase,
                FetchLabelUseCase {

    private volatile Function<RateRequest, CompletionStage<RateQuotation>> rates;
    private volatile Function<ShipOrderCommand, ShipOrderResult> ship;
    private volatile Function<OrderId, Optional<ShipmentRecord>> find;
    private volatile BiFunction<CarrierId, String, ShipmentTracking> track;
    private volatile Supplier<MonitoringReport> monitor;
    private volatile Function<ReadCircuitTransitionsQuery, List<RecordedTransition>> transitions;
    private volatile Supplier<ClusterView> cluster;
    private volatile Function<OverrideCircuitBreakerCommand, CircuitSnapshot> override;
    private volatile Function<ResolveShipmentCommand, ShipmentRecord> resolve;
    private volatile Supplier<Readiness> readiness;
    private volatile Function<OrderId, CreatedShipment> labels;
    private volatile Function<ListHeldOrdersQuery, HeldOrdersPage> heldOrders;
    private final List<Object> received = new CopyOnWriteArrayList<>();

    FakeUseCases() {
        reset();
    }

    void reset() {
        rates = request -> completed(() -> unexpected("quoteRates"));
        ship = command -> unexpected("shipOrder");
        find = orderId -> unexpected("findShipment");
        track = (carrier, tracking) -> unexpected("track");
        monitor = () -> unexpected("report");
        transitions = query -> unexpected("transitions");
        cluster = () -> unexpected("cluster");
        override = command -> unexpected("override");
        resolve = command -> unexpected("resolve");
        readiness = () -> unexpected("readiness");
        labels = orderId -> unexpected("labels");
        heldOrders = query -> unexpected("heldOrders");
        received.clear();
    }

    void onQuoteRates(Function<RateRequest, RateQuotation> answer) {
        rates = request -> completed(() -> answer.apply(request));
    }

    /** Answers quotes with futures the test completes (or never does: a carrier that hangs). */
    void onQuoteRatesAsync(Function<RateRequest, CompletionStage<RateQuotation>> answer) {
        rates = answer;
    }

    void onShipOrder(Function<ShipOrderCommand, ShipOrderResult> answer) {
        ship = answer;
    }

    void onFindShipment(Function<OrderId, Optional<ShipmentRecord>> answer) {
        find = answer;
    }

    void onTrack(BiFunction<CarrierId, String, ShipmentTracking> answer) {
        track = answer;
    }

    void onReport(Supplier<MonitoringReport> answer) {
        monitor = answer;
    }

    void onTransitions(Function<ReadCircuitTransitionsQuery, List<RecordedTransition>> answer) {
        transitions = answer;
    }

    void onCluster(Supplier<ClusterView> answer) {
        cluster = answer;
    }

    void onOverride(Function<OverrideCircuitBreakerCommand, CircuitSnapshot> answer) {
        override = answer;
    }

    void onResolve(Function<ResolveShipmentCommand, ShipmentRecord> answer) {
        resolve = answer;
    }

    void onLabels(Function<OrderId, CreatedShipment> answer) {
        labels = answer;
    }

    void onReadiness(Supplier<Readiness> answer) {
        readiness = answer;
    }

    void onHeldOrders(Function<ListHeldOrdersQuery, HeldOrdersPage> answer) {
        heldOrders = answer;
    }

    /** Everything the use cases were asked, in order: requests, commands, queries, order ids, tracking numbers. */
    List<Object> received() {
        return List.copyOf(received);
    }

    <T> T lastReceived(Class<T> type) {
        return received.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " was received"));
    }

    @Override
    public CompletionStage<RateQuotation> quoteRates(RateRequest request) {
        received.add(request);
        return rates.apply(request);
    }

    @Override
    public CompletionStage<ShipOrderResult> shipOrder(ShipOrderCommand command) {
        received.add(command);
        return completed(() -> ship.apply(command));
    }

    @Override
    public CompletionStage<Optional<ShipmentRecord>> findShipment(ClientId client, OrderId orderId) {
        received.add(client);
        received.add(orderId);
        return completed(() -> find.apply(orderId));
    }

    @Override
    public CompletionStage<CreatedShipment> labels(ClientId client, OrderId orderId) {
        received.add(client);
        received.add(orderId);
        return completed(() -> labels.apply(orderId));
    }

    @Override
    public CompletionStage<ShipmentTracking> track(CarrierId carrier, String trackingNumber) {
        received.add(carrier);
        received.add(trackingNumber);
        return completed(() -> track.apply(carrier, trackingNumber));
    }

    @Override
    public MonitoringReport report() {
        return monitor.get();
    }

    @Override
    public CompletionStage<List<RecordedTransition>> transitions(ReadCircuitTransitionsQuery query) {
        received.add(query);
        return completed(() -> transitions.apply(query));
    }

    @Override
    public CompletionStage<ClusterView> cluster() {
        return completed(cluster);
    }

    @Override
    public CompletionStage<CircuitSnapshot> override(OverrideCircuitBreakerCommand command) {
        received.add(command);
        return CompletableFuture.completedFuture(override.apply(command));
    }

    @Override
    public CompletionStage<ShipmentRecord> resolve(ResolveShipmentCommand command) {
        received.add(command);
        return completed(() -> resolve.apply(command));
    }

    @Override
    public CompletionStage<HeldOrdersPage> heldOrders(ListHeldOrdersQuery query) {
        received.add(query);
        return completed(() -> heldOrders.apply(query));
    }

    @Override
    public CompletionStage<Readiness> readiness() {
        return completed(readiness);
    }

    /** What {@code answer} gives, or how it fails, as an already completed stage: asynchronous use cases fail late. */
    private static <T> CompletionStage<T> completed(Supplier<T> answer) {
        try {
            return CompletableFuture.completedFuture(answer.get());
        } catch (RuntimeException | AssertionError e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static <T> T unexpected(String useCase) {
        throw new AssertionError(useCase + " was not expected to be called");
    }
}
