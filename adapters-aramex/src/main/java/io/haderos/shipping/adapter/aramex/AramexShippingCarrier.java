package io.haderos.shipping.adapter.aramex;

import io.haderos.shipping.adapter.carrierhttp.BreakerGuardedCarrier;
import io.haderos.shipping.adapter.carrierhttp.CarrierWiring;
import io.haderos.shipping.adapter.resilience4j.CarrierCircuitBreaker;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.RateQuote;
import io.haderos.shipping.domain.model.RateRequest;
import io.haderos.shipping.domain.model.ShipmentRequest;
import io.haderos.shipping.domain.policy.CarrierOperation;
import io.haderos.shipping.domain.port.out.CarrierConfigurationException;
import io.haderos.shipping.domain.port.out.CarrierRejectedException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.ShippingCarrier;
import io.haderos.shipping.domain.port.out.TrackingNumberNotFoundException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Aramex's JSON API (rates, shipment creation, tracking, label reprints) as a {@link ShippingCarrier} whose every call passes its own
 * circuit breaker.
 *
 * <p>Every call is asynchronous ({@code …Async}): it returns at once, starts its exchange on the carrier's threads
 * ({@link AramexConfig#executor()}) and completes where the JDK's {@code HttpClient} completes the exchange, on the common
 * {@code ForkJoinPool} (do not block in a stage on it); the synchronous forms wait for it. Each call ends in a result or in exactly one
 * of:
 * <ul>
 *   <li>{@link CarrierUnavailableException}: a carrier fault, counted by the breaker. Reasons:
 *       {@code CONNECTION_REFUSED} (could not connect; nothing was sent), {@code TIMEOUT} (no complete reply within
 *       {@link AramexConfig#timeout()}, or HTTP 504), {@code CONNECTION_LOST}, {@code SERVICE_UNAVAILABLE} (HTTP
 *       502/503/429), {@code SERVER_ERROR} (other 5xx), {@code UNREADABLE_REPLY} (a 2xx body that is not the expected
 *       JSON), {@code CARRIER_ERROR} ({@code HasErrors} with codes outside the known lists), {@code SLOW} (a quote or
 *       tracking call still unanswered past its slow-call threshold), and, without any network I/O,
 *       {@code CIRCUIT_OPEN} when the breaker refuses the call and {@code BUSY} when its bulkhead is full;</li>
 *   <li>{@link CarrierRejectedException}: Aramex refused the request's content ({@code ERR52} city, {@code ERR06}
 *       postcode, {@code REQxx} missing field, or a message naming a part of the request), with the carrier's
 *       messages; not counted;</li>
 *   <li>{@link CarrierConfigurationException}: Aramex refused our credentials or account ({@code ERR01},
 *       {@code ERR02}, {@code ERR03}), or answered HTTP 4xx (the request or base URL is wrong); not counted;</li>
 *   <li>{@link TrackingNumberNotFoundException}: tracking only, the AWB is in {@code NonExistingWaybills}; not
 *       counted.</li>
 * </ul>
 * Messages never contain the password, the PIN or a request body.
 *
 * <p>What each call does at Aramex ({@link #id()} is always {@link CarrierId#ARAMEX}; quotes and the trial are
 * described on their methods):
 * <ul>
 *   <li>{@link #createShipmentAsync createShipmentAsync} creates one shipment with {@code CreateShipments}, the order
 *       id as {@code Reference1} and a label link requested. Not idempotent at Aramex: after a {@code TIMEOUT},
 *       {@code CONNECTION_LOST}, {@code SERVER_ERROR} or {@code UNREADABLE_REPLY} the shipment may exist, so never
 *       retry blindly. Never a breaker trial: while a trial is due or running it fails {@code CIRCUIT_OPEN} without
 *       being sent. A creation slower than its threshold is counted as a fault but still completes with its own
 *       outcome. It completes with the AWB ({@code Shipments[0].ID}) and its label: one PDF for the whole shipment,
 *       with its bytes when Aramex sends them and its link when Aramex gives one (the bytes are then fetched later,
 *       with {@link #labelsAsync}); none when Aramex gave neither or the bytes were not a PDF of at most 5 MB
 *       (logged). Aramex's JSON API makes PDF whatever {@link ShipmentRequest#labelFormat()} asks for.</li>
 *   <li>{@link #trackAsync trackAsync} gives the AWB's events with {@code TrackShipments}, newest first;
 *       {@code delivered} when the newest is {@code SH005}.</li>
 *   <li>{@link #labelsAsync labelsAsync} gives the shipment's label again, with {@code PrintLabel}: one PDF for the
 *       whole shipment (a page per piece), parcel 1, its bytes fetched (from the link Aramex gives, when it gives
 *       only a link); empty when Aramex answers without one. Aramex's JSON API makes PDF only. A read: safe to
 *       repeat, it counts like any call and may serve as the breaker's trial. The future fails with
 *       {@link TrackingNumberNotFoundException} when Aramex does not know the AWB or its label link is gone, and
 *       with {@link CarrierUnavailableException} ({@code UNREADABLE_REPLY}) when the bytes are not a PDF of at most
 *       5 MB.</li>
 *   <li>{@link #findByReferenceAsync findByReferenceAsync} gives the shipments Aramex holds under the order id,
 *       which {@link #createShipmentAsync} sent as {@code Reference1}: a {@code TrackShipments} query with the
 *       reference in place of an AWB, through the breaker like tracking. Aramex documents no look-up by reference,
 *       so this form is an assumption (docs/architecture.md#held-orders); a reference Aramex does not know completes
 *       with an empty list.</li>
 * </ul>
 *
 * <p>Thread-safe: one instance serves concurrent callers over one HTTP/1.1 connection pool.
 */
public final class AramexShippingCarrier extends BreakerGuardedCarrier {

    private final AramexClient client;
    private final RateRequest probe;

    private AramexShippingCarrier(CarrierCircuitBreaker breaker, AramexClient client, RateRequest probe) {
        super(CarrierId.ARAMEX, breaker, client);
        this.client = client;
        this.probe = probe;
    }

    /**
     * An Aramex carrier with its own breaker, built from {@link AramexConfig#circuitBreaker()} on
     * {@link AramexConfig#clock()}, that publishes its transitions nowhere. Use
     * {@link #create(AramexConfig, CarrierCircuitBreaker)} to observe transitions.
     *
     * @param config where Aramex is and which account to use
     * @return a carrier ready for concurrent use, its breaker CLOSED
     * @throws NullPointerException when {@code config} is null
     */
    public static AramexShippingCarrier create(AramexConfig config) {
        Objects.requireNonNull(config, "config");
        return create(config, CarrierWiring.ownBreaker(CarrierId.ARAMEX, config.circuitBreaker(), config.clock()));
    }

    /**
     * An Aramex carrier guarded by {@code breaker}, which the embedding service built (with its own clock, scheduler
     * or transition listener, say) and may share with its monitoring. {@link AramexConfig#circuitBreaker()} is not
     * used. Request deadlines run on the breaker's {@link CarrierCircuitBreaker#scheduler() scheduler}.
     *
     * @param config  where Aramex is and which account to use
     * @param breaker the breaker for {@link CarrierId#ARAMEX} that every call passes
     * @return a carrier ready for concurrent use
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when {@code breaker} is for another carrier than {@link CarrierId#ARAMEX}
     */
    public static AramexShippingCarrier create(AramexConfig config, CarrierCircuitBreaker breaker) {
        Objects.requireNonNull(config, "config");
        CarrierWiring.breakerFor(CarrierId.ARAMEX, breaker);
        Executor executor = CarrierWiring.replyThreads(config.executor(), "aramex-http");
        return new AramexShippingCarrier(
                breaker, new AramexClient(config, executor, breaker.scheduler()), config.probe());
    }

    /**
     * Prices the request with {@code CalculateRate}: product group {@code DOM} when origin and destination share a
     * country, else {@code EXP}; product type {@code request.service()}, else {@code ONP} (domestic) or {@code PPX};
     * prepaid. Safe to repeat, so it may serve as the breaker's trial.
     *
     * @return exactly one quote, labelled with the product type asked for
     * @throws NullPointerException when {@code request} is null (before the breaker: not counted)
     */
    @Override
    public CompletableFuture<List<RateQuote>> quoteRatesAsync(RateRequest request) {
        Objects.requireNonNull(request, "request");
        return circuitBreaker().callAsync(CarrierOperation.QUOTE_RATES, () -> client.quoteRates(request));
    }

    /** A quote for {@link AramexConfig#probe()}, through the breaker. */
    @Override
    public Optional<CompletableFuture<Void>> probeAsync() {
        return Optional.of(quoteRatesAsync(probe).thenApply(quotes -> null));
    }
}
