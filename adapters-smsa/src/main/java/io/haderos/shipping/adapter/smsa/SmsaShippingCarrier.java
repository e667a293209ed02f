package io.haderos.shipping.adapter.smsa;

import io.haderos.shipping.adapter.carrierhttp.BreakerGuardedCarrier;
import io.haderos.shipping.adapter.carrierhttp.CarrierWiring;
import io.haderos.shipping.adapter.resilience4j.CarrierCircuitBreaker;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.RateQuote;
import io.haderos.shipping.domain.model.RateRequest;
import io.haderos.shipping.domain.model.ShipmentRequest;
import io.haderos.shipping.domain.model.ShipmentTracking;
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
import java.util.concurrent.atomic.AtomicReference;

/**
 * SMSA Express as a {@link ShippingCarrier}, guarded by its own circuit breaker: shipments and tracking over the
 * SMSA eCom REST API, rate quotes from a local tariff (SMSA offers no rate API).
 *
 * <p>Every call is asynchronous ({@code …Async}): it returns at once, starts its exchange on the carrier's threads
 * ({@link SmsaConfig#executor()}) and completes where the JDK's {@code HttpClient} completes the exchange, on the common
 * {@code ForkJoinPool} (do not block in a stage on it); the synchronous forms wait for it. Every call, rate quotes included, passes the
 * breaker: when it is open the call fails at once with {@link CarrierUnavailableException} reason
 * {@code CIRCUIT_OPEN} and nothing is sent; when its bulkhead is full, with reason {@code BUSY}. Failures are
 * reported as follows:
 * <ul>
 * <li>{@link CarrierUnavailableException} (the breaker counts it): connection refused or TLS failure
 *     ({@code CONNECTION_REFUSED}), broken connection ({@code CONNECTION_LOST}), no complete answer within
 *     {@link SmsaConfig#timeout()} or HTTP 504/408 ({@code TIMEOUT}), HTTP 502/503/429 ({@code SERVICE_UNAVAILABLE}),
 *     HTTP 500 and other 5xx ({@code SERVER_ERROR}), a success status whose body is not the expected JSON
 *     ({@code UNREADABLE_REPLY}), a 1xx or 3xx status ({@code CARRIER_ERROR}), a tracking query still unanswered
 *     past its slow-call threshold ({@code SLOW});</li>
 * <li>{@link CarrierRejectedException} (not counted): HTTP 400 with field {@code errors} (one message per field
 *     message, code = SMSA's field name), a 200 {@code {"status":"Failed"}}, a route or service the tariff
 *     cannot price, or a COD amount in another currency than the declared value;</li>
 * <li>{@link CarrierConfigurationException} (not counted): HTTP 401/403 (the API key), and any other 4xx,
 *     which means our request does not fit the API;</li>
 * <li>{@link TrackingNumberNotFoundException} (not counted): tracking an AWB that SMSA does not know.</li>
 * </ul>
 * Messages never contain the API key or a request body.
 *
 * <p>What each call does at SMSA ({@link #id()} is always {@link CarrierId#SMSA}; quotes, shipment creation and the
 * trial are described on their methods):
 * <ul>
 * <li>{@link #trackAsync trackAsync} gives the shipment's scans, newest first ({@code GET /api/track/single/{awb}}),
 *     with each scan's local time and offset combined. Accepts the {@code sawb} or a parcel waybill. Safe to repeat,
 *     so it may serve as the breaker's trial. Fails with {@link TrackingNumberNotFoundException} when SMSA does not
 *     know the number (or it cannot be an AWB), {@link CarrierConfigurationException} when SMSA refuses the API
 *     key, {@link CarrierUnavailableException} on a carrier fault or an open breaker.</li>
 * <li>{@link #labelsAsync labelsAsync} gives the shipment's labels again, with
 *     {@code GET /api/shipment/b2c/query/{awb}} (the {@code sawb} or a parcel's AWB): one per parcel, ordered by
 *     parcel, in the format the shipment was created with; empty when SMSA answers without any. A read: safe to
 *     repeat, it counts like any call and may serve as the breaker's trial. The future fails with
 *     {@link TrackingNumberNotFoundException} when SMSA does not know the AWB, and with
 *     {@link CarrierUnavailableException} ({@code UNREADABLE_REPLY}) when a label is not PDF or ZPL of at most
 *     5 MB.</li>
 * <li>{@link #findByReferenceAsync findByReferenceAsync} gives the shipments SMSA holds under the order id, which
 *     {@link #createShipmentAsync} sent as the merchant's reference ({@code OrderNumber}):
 *     {@code GET /api/track/reference/{reference}}, through the breaker like tracking. None known completes with an
 *     empty list.</li>
 * </ul>
 *
 * <p>Thread-safe: one instance serves concurrent callers over one HTTP/1.1 connection pool.
 */
public final class SmsaShippingCarrier extends BreakerGuardedCarrier {

    private final SmsaClient client;
    private final Optional<String> probeAwb;
    private final AtomicReference<String> newestCreated = new AtomicReference<>();

    private SmsaShippingCarrier(CarrierCircuitBreaker breaker, SmsaClient client, Optional<String> probeAwb) {
        super(CarrierId.SMSA, breaker, client);
        this.client = client;
        this.probeAwb = probeAwb;
    }

    /**
     * An SMSA carrier with its own breaker, built from {@link SmsaConfig#circuitBreaker()} on
     * {@link SmsaConfig#clock()}, that publishes its transitions nowhere. Use
     * {@link #create(SmsaConfig, CarrierCircuitBreaker)} to observe transitions. Loads the tariff at once.
     *
     * @param config where SMSA is, which key to use and how to price quotes
     * @return a carrier ready for concurrent use, its breaker CLOSED
     * @throws NullPointerException     when {@code config} is null
     * @throws IllegalArgumentException when the tariff file is unreadable or malformed; the message names the file,
     *                                  the line and the fault
     */
    public static SmsaShippingCarrier create(SmsaConfig config) {
        Objects.requireNonNull(config, "config");
        return create(config, CarrierWiring.ownBreaker(CarrierId.SMSA, config.circuitBreaker(), config.clock()));
    }

    /**
     * An SMSA carrier guarded by {@code breaker}, which the embedding service built (with its own clock, scheduler
     * or transition listener, say) and may share with its monitoring. {@link SmsaConfig#circuitBreaker()} is not
     * used. Request deadlines run on the breaker's {@link CarrierCircuitBreaker#scheduler() scheduler}. Loads the
     * tariff at once.
     *
     * @param config  where SMSA is, which key to use and how to price quotes
     * @param breaker the breaker for {@link CarrierId#SMSA} that every call passes
     * @return a carrier ready for concurrent use
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when {@code breaker} is for another carrier than {@link CarrierId#SMSA}, or
     *                                  when the tariff file is unreadable or malformed (the message names the file,
     *                                  the line and the fault)
     */
    public static SmsaShippingCarrier create(SmsaConfig config, CarrierCircuitBreaker breaker) {
        Objects.requireNonNull(config, "config");
        CarrierWiring.breakerFor(CarrierId.SMSA, breaker);
        SmsaTariff tariff = SmsaTariff.load(config.tariffFile());
        Executor executor = CarrierWiring.replyThreads(config.executor(), "smsa-http");
        return new SmsaShippingCarrier(
                breaker, new SmsaClient(config, tariff, executor, breaker.scheduler()), config.probeAwb());
    }

    /**
     * Prices the request from the tariff: one quote per service offered between the origin's and the destination's
     * zones (only the requested service when the request names one), for the weight rounded up to whole kilograms.
     * No network call, so the breaker refuses it while open but counts nothing, and it never serves as a trial; the
     * currency is the tariff's, whatever the request prefers. Completes before it returns.
     *
     * @throws CarrierRejectedException    when the tariff has no zone for a place, no rate between the zones, or not
     *                                     the requested service
     * @throws CarrierUnavailableException only with reason {@code CIRCUIT_OPEN}, when the breaker is open
     */
    @Override
    public CompletableFuture<List<RateQuote>> quoteRatesAsync(RateRequest request) {
        Objects.requireNonNull(request, "request");
        try {
            // A tariff lookup never reaches SMSA: it must not count as a success, nor use a half-open trial.
            return CompletableFuture.completedFuture(
                    circuitBreaker().callUncounted(CarrierOperation.QUOTE_RATES, () -> client.quoteRates(request)));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Creates a B2C shipment ({@code POST /api/shipment/b2c/new}). The tracking number is SMSA's shipment AWB
     * ({@code sawb}); the per-parcel waybills are the parcel tracking numbers; SMSA returns labels inline, one per
     * parcel, in {@link ShipmentRequest#labelFormat()} ({@code WaybillType} PDF or ZPL); a label that is not the PDF
     * or ZPL it should be, or larger than 5 MB, is left out and logged. The service is the request's, else {@link SmsaConfig#domesticServiceCode()} or
     * {@link SmsaConfig#internationalServiceCode()}. Not idempotent at SMSA: after a failure whose reason
     * {@link CarrierUnavailableException.Reason#mayHaveBeenProcessed() may have been processed}, reconcile by order
     * number before trying again. Never a breaker trial.
     *
     * @throws CarrierRejectedException      when SMSA refuses the content, or the COD currency differs from the
     *                                       declared value's
     * @throws CarrierConfigurationException when SMSA refuses the API key or the request's form
     * @throws CarrierUnavailableException   on a carrier fault or an open breaker
     */
    @Override
    public CompletableFuture<CreatedShipment> createShipmentAsync(ShipmentRequest request) {
        return super.createShipmentAsync(request).thenApply(created -> {
            newestCreated.set(created.trackingNumber());
            return created;
        });
    }

    /**
     * A tracking query, through the breaker, of the newest shipment this carrier created, else of
     * {@link SmsaConfig#probeAwb()}; empty when there is neither (quotes are local and prove nothing about SMSA).
     */
    @Override
    public Optional<CompletableFuture<Void>> probeAsync() {
        return Optional.ofNullable(newestCreated.get())
                .or(() -> probeAwb)
                .map(awb -> trackAsync(awb).thenApply(tracking -> null));
    }

    /** Bulk tracking ({@code POST /api/track/bulk/}) through the breaker: one entry per AWB that SMSA knows. */
    CompletableFuture<List<ShipmentTracking>> trackAll(List<String> trackingNumbers) {
        List<String> numbers = List.copyOf(trackingNumbers);
        return circuitBreaker().callAsync(CarrierOperation.TRACK_SHIPMENT, () -> client.trackAll(numbers));
    }
}
