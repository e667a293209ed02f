package io.haderos.shipping.adapter.aramex;

import io.haderos.shipping.adapter.aramex.AramexWire.ClientInfo;
import io.haderos.shipping.adapter.aramex.AramexWire.Contact;
import io.haderos.shipping.adapter.aramex.AramexWire.LabelInfo;
import io.haderos.shipping.adapter.aramex.AramexWire.LabelPrintingRequest;
import io.haderos.shipping.adapter.aramex.AramexWire.LabelPrintingResponse;
import io.haderos.shipping.adapter.aramex.AramexWire.Notification;
import io.haderos.shipping.adapter.aramex.AramexWire.ProcessedShipment;
import io.haderos.shipping.adapter.aramex.AramexWire.RateCalculatorRequest;
import io.haderos.shipping.adapter.aramex.AramexWire.RateCalculatorResponse;
import io.haderos.shipping.adapter.aramex.AramexWire.ShipmentCreationRequest;
import io.haderos.shipping.adapter.aramex.AramexWire.ShipmentCreationResponse;
import io.haderos.shipping.adapter.aramex.AramexWire.ShipmentDetails;
import io.haderos.shipping.adapter.aramex.AramexWire.ShipmentTrackingRequest;
import io.haderos.shipping.adapter.aramex.AramexWire.ShipmentTrackingResponse;
import io.haderos.shipping.adapter.aramex.AramexWire.TrackingEntry;
import io.haderos.shipping.adapter.aramex.AramexWire.TrackingResult;
import io.haderos.shipping.adapter.aramex.AramexWire.Transaction;
import io.haderos.shipping.adapter.carrierhttp.BreakerGuardedCarrier;
import io.haderos.shipping.domain.model.Address;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.Dimensions;
import io.haderos.shipping.domain.model.Label;
import io.haderos.shipping.domain.model.LabelFormat;
import io.haderos.shipping.domain.model.Money;
import io.haderos.shipping.domain.model.Parcel;
import io.haderos.shipping.domain.model.Party;
import io.haderos.shipping.domain.model.RateQuote;
import io.haderos.shipping.domain.model.RateRequest;
import io.haderos.shipping.domain.model.ShipmentRequest;
import io.haderos.shipping.domain.model.ShipmentTracking;
import io.haderos.shipping.domain.model.TrackingEvent;
import io.haderos.shipping.domain.port.out.TrackingNumberNotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Aramex JSON API without a breaker: maps domain requests to the wire (rates, shipment creation, tracking, label
 * reprints),
 * and replies back into domain values, or into exactly one exception each (via {@link AramexFaults}). Every call is
 * asynchronous. {@link AramexShippingCarrier} puts the breaker in front of it.
 */
final class AramexClient implements BreakerGuardedCarrier.Client {

    static final String DOMESTIC = "DOM";
    static final String EXPRESS = "EXP";
    static final String DEFAULT_DOMESTIC_PRODUCT = "ONP";
    static final String DEFAULT_EXPRESS_PRODUCT = "PPX";
    static final String PREPAID = "P";
    static final String CASH_ON_DELIVERY_SERVICE = "CODS";
    /** The label layout Magento and ERPNext use; {@code URL} asks for a link rather than the file. */
    static final LabelInfo LABEL = new LabelInfo(9729, "URL");
    /** The same layout as the file itself, for a reprint: no second download. */
    static final LabelInfo REPRINT = new LabelInfo(9729, "RPT");
    /** Aramex's "Delivered" update code, as integrators read it (no official list is known). */
    static final String DELIVERED = "SH005";

    private static final CarrierId ARAMEX = CarrierId.ARAMEX;
    private static final Logger LOG = LoggerFactory.getLogger(AramexClient.class);

    private final AramexConfig config;
    private final ClientInfo clientInfo;
    private final AramexFaults faults;
    private final AramexHttp http;

    AramexClient(AramexConfig config, Executor executor, ScheduledExecutorService timer) {
        this.config = config;
        this.clientInfo = new ClientInfo(
                config.userName(),
                config.password(),
                config.version(),
                config.accountNumber(),
                config.accountPin(),
                config.accountEntity(),
                config.accountCountryCode(),
                config.source().isPresent() ? config.source().getAsInt() : null);
        this.faults = new AramexFaults(List.of(config.password(), config.accountPin()));
        this.http = new AramexHttp(config, AramexJson.mapper(), faults, executor, timer);
    }

    // ------------------------------------------------------------------------------------------- rates

    /** One quote for the product asked for: {@code request.service()}, else ONP (domestic) or PPX. */
    CompletableFuture<List<RateQuote>> quoteRates(RateRequest request) {
        AramexOperation operation = AramexOperation.CALCULATE_RATE;
        boolean domestic = request.isDomestic();
        String productType = request.service().orElse(domestic ? DEFAULT_DOMESTIC_PRODUCT : DEFAULT_EXPRESS_PRODUCT);
        ShipmentDetails details = new ShipmentDetails(
                request.dimensions().map(AramexClient::dimensions).orElse(null),
                AramexWire.Weight.kilograms(request.weight().kilograms()),
                null,
                request.origin().country().value(),
                request.pieces(),
                domestic ? DOMESTIC : EXPRESS,
                productType,
                PREPAID,
                "",
                null,
                null,
                "");
        RateCalculatorRequest body = new RateCalculatorRequest(
                clientInfo,
                Transaction.of(""),
                address(request.origin()),
                address(request.destination()),
                details,
                request.currency().map(Currency::getCurrencyCode).orElse(null));

        return http.post(operation, body, RateCalculatorResponse.class).thenApply(reply -> {
            faults.throwIfErrors(operation, reply.hasErrors(), reply.notifications());
            try {
                AramexWire.Money total = reply.totalAmount();
                if (total == null || total.value() == null || total.currencyCode() == null) {
                    throw new IllegalArgumentException("no TotalAmount");
                }
                return List.of(new RateQuote(ARAMEX, productType, money(total)));
            } catch (IllegalArgumentException e) {
                throw faults.unreadable(operation, e.getMessage(), e);
            }
        });
    }

    // ---------------------------------------------------------------------------------------- shipments

    @Override
    public CompletableFuture<CreatedShipment> createShipment(ShipmentRequest request) {
        AramexOperation operation = AramexOperation.CREATE_SHIPMENTS;
        String orderId = request.orderId().value();
        ShipmentCreationRequest body =
                new ShipmentCreationRequest(clientInfo, LABEL, Transaction.of(orderId), List.of(shipment(request)));

        return http.post(operation, body, ShipmentCreationResponse.class).thenApply(reply -> created(operation, reply));
    }

    private CreatedShipment created(AramexOperation operation, ShipmentCreationResponse reply) {
        // Integrators read per-shipment notifications when the top-level list is empty.
        boolean hasErrors = reply.hasErrors()
                || reply.shipments().stream().anyMatch(shipment -> Boolean.TRUE.equals(shipment.hasErrors()));
        List<Notification> notifications = Stream.concat(
                        reply.notifications().stream(),
                        reply.shipments().stream().flatMap(s -> s.notifications().stream()))
                .toList();
        faults.throwIfErrors(operation, hasErrors, notifications);
        try {
            ProcessedShipment created = reply.shipments().stream()
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no Shipments in a reply without errors"));
            if (created.id() == null || created.id().isBlank()) {
                throw new IllegalArgumentException("the shipment has no ID");
            }
            String awb = created.id().strip();
            return new CreatedShipment(ARAMEX, awb, List.of(), createdLabel(awb, created.shipmentLabel()));
        } catch (IllegalArgumentException e) {
            throw faults.unreadable(operation, e.getMessage(), e);
        }
    }

    private AramexWire.Shipment shipment(ShipmentRequest request) {
        boolean domestic = request.isDomestic();
        String orderId = request.orderId().value();
        String productType = request.service().orElse(domestic ? DEFAULT_DOMESTIC_PRODUCT : DEFAULT_EXPRESS_PRODUCT);
        boolean cod = request.isCashOnDelivery();
        ShipmentDetails details = new ShipmentDetails(
                singleParcelDimensions(request.parcels()),
                AramexWire.Weight.kilograms(request.totalWeight().kilograms()),
                request.description(),
                request.shipper().address().country().value(),
                request.parcels().size(),
                domestic ? DOMESTIC : EXPRESS,
                productType,
                PREPAID,
                "",
                domestic ? null : money(request.declaredValue()),
                cod ? money(request.cashOnDelivery()) : null,
                cod ? CASH_ON_DELIVERY_SERVICE : "");
        Instant now = config.clock().instant();
        String shippingDateTime =
                WcfDate.format(now, config.clock().getZone().getRules().getOffset(now));
        return new AramexWire.Shipment(
                orderId,
                "",
                "",
                party(request.shipper(), orderId, config.accountNumber()),
                party(request.consignee(), null, null),
                shippingDateTime,
                "",
                "",
                details);
    }

    // ------------------------------------------------------------------------------------------- labels

    /**
     * {@code PrintLabel} for {@code awb}, asking for the file itself ({@code RPT}); when Aramex answers with a link
     * only, the file is downloaded from it. Aramex gives one PDF per shipment (a page per piece): one label, parcel 1.
     * A shipment number Aramex does not know, or a link that is gone, is {@link TrackingNumberNotFoundException};
     * bytes that are not a PDF are an unreadable reply.
     */
    @Override
    public CompletableFuture<List<Label>> labels(String awb) {
        AramexOperation operation = AramexOperation.PRINT_LABEL;
        // The product group is not kept with the shipment; Aramex's need for it on a reprint is unverified.
        LabelPrintingRequest body =
                new LabelPrintingRequest(clientInfo, Transaction.of(""), awb, "", config.accountEntity(), REPRINT);
        return http.post(operation, body, LabelPrintingResponse.class).thenCompose(reply -> {
            if (reply.hasErrors() && reply.notifications().stream().anyMatch(AramexClient::isUnknownShipment)) {
                throw new TrackingNumberNotFoundException(ARAMEX, awb);
            }
            faults.throwIfErrors(operation, reply.hasErrors(), reply.notifications());
            Optional<byte[]> inline = inlineLabel(reply.shipmentLabel());
            Optional<URI> link = labelLink(reply.shipmentLabel());
            if (inline.isPresent()) {
                return CompletableFuture.completedFuture(List.of(sound(operation, label(inline.get(), link))));
            }
            if (link.isPresent()) {
                return http.download(link.get(), awb)
                        .thenApply(bytes -> List.of(sound(AramexOperation.DOWNLOAD_LABEL, label(bytes, link))));
            }
            return CompletableFuture.completedFuture(List.<Label>of());
        });
    }

    /**
     * The label a creation reply carries: its bytes when they are sound, its link when it has one. The label is a
     * convenience: a missing, malformed or corrupt one must not fail a shipment that exists, so it is left out (and
     * logged with the reason) and can be fetched again later.
     */
    private static List<Label> createdLabel(String awb, AramexWire.ShipmentLabel wire) {
        Optional<URI> link = labelLink(wire);
        Optional<byte[]> inline = inlineLabel(wire);
        if (inline.isPresent()) {
            Label label = label(inline.get(), link);
            Optional<String> defect = label.defect();
            if (defect.isEmpty()) {
                return List.of(label);
            }
            LOG.warn("Aramex shipment {}: its label is not kept: {}", awb, defect.get());
        } else if (wire != null && !isBlank(wire.labelFileContents())) {
            LOG.warn("Aramex shipment {}: its label is not kept: LabelFileContents is not base64", awb);
        }
        return link.map(uri -> List.of(Label.at(1, LabelFormat.PDF, uri))).orElse(List.of());
    }

    private static Label label(byte[] bytes, Optional<URI> link) {
        return new Label(1, LabelFormat.PDF, Optional.of(bytes), link);
    }

    private Label sound(AramexOperation operation, Label label) {
        label.defect().ifPresent(defect -> {
            throw faults.unreadable(operation, defect, null);
        });
        return label;
    }

    private static Optional<byte[]> inlineLabel(AramexWire.ShipmentLabel wire) {
        if (wire == null || isBlank(wire.labelFileContents())) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    Base64.getDecoder().decode(wire.labelFileContents().replaceAll("\\s", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An absolute http(s) link; anything else is no link. */
    private static Optional<URI> labelLink(AramexWire.ShipmentLabel wire) {
        if (wire == null || isBlank(wire.labelUrl())) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(wire.labelUrl().strip());
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            return uri.isAbsolute() && web ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** How Aramex (as far as known: the sandbox's code) says that it has no such shipment. */
    private static boolean isUnknownShipment(Notification notification) {
        return notification.message().toLowerCase(Locale.ROOT).contains("not found");
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    // ----------------------------------------------------------------------------------------- tracking

    @Override
    public CompletableFuture<ShipmentTracking> track(String trackingNumber) {
        AramexOperation operation = AramexOperation.TRACK_SHIPMENTS;
        String awb = trackingNumber.strip();
        ShipmentTrackingRequest body = new ShipmentTrackingRequest(clientInfo, Transaction.of(""), List.of(awb), false);

        return http.post(operation, body, ShipmentTrackingResponse.class)
                .thenApply(reply -> tracking(operation, awb, reply));
    }

    /**
     * The shipments Aramex holds under {@code reference} (our {@code Reference1}). Aramex documents no look-up by
     * reference in its JSON API; this assumes that {@code TrackShipments} accepts a shipment reference in place of an
     * AWB, as Aramex's public tracking page does, and answers with the AWB as each result's {@code WaybillNumber}. A
     * reference Aramex does not know comes back in {@code NonExistingWaybills}, like an unknown AWB: none found. A
     * result whose waybill number is the reference itself is an AWB that happens to equal it, not our shipment: ignored.
     */
    @Override
    public CompletableFuture<List<CreatedShipment>> findByReference(String reference) {
        AramexOperation operation = AramexOperation.TRACK_SHIPMENTS;
        String wanted = reference.strip();
        ShipmentTrackingRequest body =
                new ShipmentTrackingRequest(clientInfo, Transaction.of(wanted), List.of(wanted), true);

        return http.post(operation, body, ShipmentTrackingResponse.class).thenApply(reply -> {
            faults.throwIfErrors(operation, reply.hasErrors(), reply.notifications());
            if (reply.nonExistingWaybills().stream().anyMatch(wanted::equalsIgnoreCase)) {
                return List.<CreatedShipment>of();
            }
            return reply.trackingResults().stream()
                    .map(TrackingEntry::value)
                    .flatMap(List::stream)
                    .map(TrackingResult::waybillNumber)
                    .filter(awb -> awb != null && !awb.isBlank())
                    .map(String::strip)
                    .filter(awb -> !awb.equalsIgnoreCase(wanted))
                    .distinct()
                    .map(awb -> new CreatedShipment(ARAMEX, awb, List.of()))
                    .toList();
        });
    }

    private ShipmentTracking tracking(AramexOperation operation, String awb, ShipmentTrackingResponse reply) {
        faults.throwIfErrors(operation, reply.hasErrors(), reply.notifications());
        // Not an error on the wire (HasErrors stays false), but the caller asked for an AWB that does not exist.
        if (reply.nonExistingWaybills().stream().anyMatch(awb::equalsIgnoreCase)) {
            throw new TrackingNumberNotFoundException(ARAMEX, awb);
        }
        try {
            List<TrackingEvent> events = reply.trackingResults().stream()
                    .filter(entry -> entry.key() == null
                            || awb.equalsIgnoreCase(entry.key().strip()))
                    .map(TrackingEntry::value)
                    .flatMap(List::stream)
                    .filter(result -> result.waybillNumber() == null
                            || awb.equalsIgnoreCase(result.waybillNumber().strip()))
                    .map(AramexClient::event)
                    .toList();
            boolean delivered = events.stream()
                    .max(Comparator.comparing(TrackingEvent::at))
                    .map(newest -> DELIVERED.equalsIgnoreCase(newest.code()))
                    .orElse(false);
            return new ShipmentTracking(ARAMEX, awb, delivered, events);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw faults.unreadable(operation, e.getMessage(), e);
        }
    }

    /**
     * Aramex's free text is cleaned to what {@link TrackingEvent} accepts (no control characters, bounded
     * length): an odd character in a scan comment must not make a good reply "unreadable" and count as an outage.
     */
    private static TrackingEvent event(TrackingResult result) {
        return new TrackingEvent(
                cleanText(result.updateCode(), 40),
                cleanText(result.updateDescription(), 500),
                cleanText(result.updateLocation(), 200),
                WcfDate.parse(result.updateDateTime()));
    }

    static String cleanText(String text, int maxCodePoints) {
        if (text == null) {
            return "";
        }
        String cleaned = text.codePoints()
                .map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .replaceAll(" {2,}", " ")
                .strip();
        if (cleaned.codePointCount(0, cleaned.length()) <= maxCodePoints) {
            return cleaned;
        }
        return cleaned.substring(0, cleaned.offsetByCodePoints(0, maxCodePoints - 1))
                        .strip() + "…";
    }

    // ---------------------------------------------------------------------------------------- mapping

    private static AramexWire.Address address(Address address) {
        return new AramexWire.Address(
                address.line1(),
                address.line2(),
                "",
                address.city(),
                "",
                address.postalCode(),
                address.country().value());
    }

    private static AramexWire.Party party(Party party, String reference, String accountNumber) {
        String company = party.company().isBlank() ? party.name() : party.company();
        Contact contact = new Contact(party.name(), company, party.phone(), "", party.phone(), party.email(), "");
        return new AramexWire.Party(reference, accountNumber, address(party.address()), contact);
    }

    /** Aramex takes one set of dimensions per shipment: sent when there is exactly one parcel that has them. */
    private static AramexWire.Dimensions singleParcelDimensions(List<Parcel> parcels) {
        return parcels.size() == 1
                ? parcels.get(0).dimensions().map(AramexClient::dimensions).orElse(null)
                : null;
    }

    private static AramexWire.Dimensions dimensions(Dimensions dimensions) {
        return new AramexWire.Dimensions(dimensions.lengthCm(), dimensions.widthCm(), dimensions.heightCm(), "CM");
    }

    private static AramexWire.Money money(Money money) {
        return new AramexWire.Money(money.currency().getCurrencyCode(), money.amount());
    }

    /**
     * Aramex computes in doubles, so a total may carry binary noise ({@code 187.45000000000002}): rounded half
     * up to the currency's minor unit, or to 3 places for a currency without one.
     */
    private static Money money(AramexWire.Money money) {
        Currency currency = Money.currency(money.currencyCode().strip().toUpperCase(Locale.ROOT));
        int digits = currency.getDefaultFractionDigits() < 0 ? 3 : currency.getDefaultFractionDigits();
        BigDecimal amount =
                money.value().scale() > digits ? money.value().setScale(digits, RoundingMode.HALF_UP) : money.value();
        return new Money(amount, currency);
    }
}
