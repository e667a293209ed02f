package io.haderos.shipping.adapter.smsa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.haderos.shipping.adapter.carrierhttp.BreakerGuardedCarrier;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.Label;
import io.haderos.shipping.domain.model.LabelFormat;
import io.haderos.shipping.domain.model.Party;
import io.haderos.shipping.domain.model.RateQuote;
import io.haderos.shipping.domain.model.RateRequest;
import io.haderos.shipping.domain.model.ShipmentRequest;
import io.haderos.shipping.domain.model.ShipmentTracking;
import io.haderos.shipping.domain.model.TrackingEvent;
import io.haderos.shipping.domain.port.out.CarrierMessage;
import io.haderos.shipping.domain.port.out.CarrierRejectedException;
import io.haderos.shipping.domain.port.out.TrackingNumberNotFoundException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMSA without a breaker: rates from the tariff, and the eCom API for shipment creation, labels and tracking — domain
 * requests mapped to the wire, and replies back into domain values, or into exactly one exception each (via
 * {@link SmsaFaults}). Every remote call is asynchronous. {@link SmsaShippingCarrier} puts the breaker in front of
 * it.
 */
final class SmsaClient implements BreakerGuardedCarrier.Client {

    /**
     * SMSA's server-side length limits, counted in UTF-16 units as its .NET validation does: longer text is cut,
     * shorter text is sent as is.
     */
    static final int MAX_CONTACT_NAME = 150;

    static final int MAX_CITY = 50;
    static final int MAX_ADDRESS_LINE = 100;

    /** What can be an AWB; anything else cannot be known to SMSA and must not reach a URL path. */
    static final Pattern AWB = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** SMSA's "Delivered" scan type, used when a reply has no {@code isDelivered}. */
    static final String DELIVERED = "DL";

    private static final DateTimeFormatter SHIP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final ZoneOffset KSA_OFFSET = ZoneOffset.ofHours(3);

    /** Calling codes of the countries SMSA serves, to put local numbers ({@code 0551112233}) in SMSA's form. */
    private static final Map<String, String> CALLING_CODES = Map.of(
            "SA", "966", "AE", "971", "BH", "973", "KW", "965", "OM", "968", "QA", "974", "EG", "20", "JO", "962");

    private static final CarrierId SMSA = CarrierId.SMSA;
    private static final Logger LOG = LoggerFactory.getLogger(SmsaClient.class);

    private final SmsaConfig config;
    private final SmsaTariff tariff;
    private final SmsaFaults faults;
    private final SmsaHttp http;

    SmsaClient(SmsaConfig config, SmsaTariff tariff, Executor executor, ScheduledExecutorService timer) {
        this.config = config;
        this.tariff = tariff;
        ObjectMapper mapper = SmsaJson.mapper();
        this.faults = new SmsaFaults(mapper, config.apiKey());
        this.http = new SmsaHttp(config, mapper, faults, executor, timer);
    }

    // ------------------------------------------------------------------------------------------- rates

    /** From the tariff: SMSA has no rate operation. Local, no network I/O. */
    List<RateQuote> quoteRates(RateRequest request) {
        return tariff.quote(request);
    }

    // ---------------------------------------------------------------------------------------- shipments

    /** {@code POST /api/shipment/b2c/new}: the created shipment, or a classified failure. */
    @Override
    public CompletableFuture<CreatedShipment> createShipment(ShipmentRequest request) {
        SmsaWire.B2cShipment body;
        try {
            body = shipment(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return http.post(SmsaOperation.CREATE_B2C_SHIPMENT, body).thenApply(this::created);
    }

    private CreatedShipment created(SmsaHttp.Reply reply) {
        if (!reply.isSuccess()) {
            throw faults.forStatus(reply);
        }
        JsonNode json = http.read(reply);
        if (!hasWaybill(json)) {
            throw faults.notCreated(reply.operation(), json);
        }
        SmsaWire.B2cCreated created = http.convert(reply.operation(), json, SmsaWire.B2cCreated.class);
        try {
            List<String> parcels = Optional.ofNullable(created.waybills()).orElse(List.of()).stream()
                    .filter(waybill -> waybill != null
                            && waybill.awb() != null
                            && !waybill.awb().isBlank())
                    .map(waybill -> waybill.awb().strip())
                    .toList();
            String sawb = created.sawb() == null || created.sawb().isBlank()
                    ? parcels.get(0)
                    : created.sawb().strip();
            List<Label> labels = labels(created, defect -> LOG.warn("SMSA shipment {}: {}", sawb, defect));
            return new CreatedShipment(SMSA, sawb, parcels, labels);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw faults.unreadable(reply.operation(), "unusable waybill numbers: " + e.getMessage());
        }
    }

    SmsaWire.B2cShipment shipment(ShipmentRequest request) {
        String currency = request.declaredValue().currency().getCurrencyCode();
        if (request.isCashOnDelivery()
                && !request.cashOnDelivery()
                        .currency()
                        .equals(request.declaredValue().currency())) {
            throw new CarrierRejectedException(
                    SMSA,
                    List.of(new CarrierMessage(
                            "cod.currency",
                            "SMSA takes one currency per shipment: the COD amount must be in " + currency
                                    + " like the declared value")));
        }
        String service = request.service()
                .orElse(request.isDomestic() ? config.domesticServiceCode() : config.internationalServiceCode());
        return new SmsaWire.B2cShipment(
                address(request.consignee(), request.consignee().name(), true),
                address(request.shipper(), shipperName(request.shipper()), false),
                request.orderId().value(),
                request.declaredValue().amount(),
                request.cashOnDelivery().amount(),
                request.parcels().size(),
                LocalDateTime.now(config.clock())
                        .truncatedTo(ChronoUnit.SECONDS)
                        .format(SHIP_DATE),
                currency,
                config.retailId(),
                request.labelFormat() == LabelFormat.ZPL ? "ZPL" : "PDF",
                request.totalWeight().kilograms(),
                "KG",
                request.description(),
                config.vatPaid(),
                config.dutyPaid(),
                service);
    }

    private static boolean hasWaybill(JsonNode body) {
        if (!body.isObject()) {
            return false;
        }
        if (hasText(SmsaJson.field(body, "sawb"))) {
            return true;
        }
        JsonNode waybills = SmsaJson.field(body, "waybills");
        return waybills.isArray() && !waybills.isEmpty() && hasText(SmsaJson.field(waybills.get(0), "awb"));
    }

    // ------------------------------------------------------------------------------------------- labels

    /**
     * {@code GET /api/shipment/b2c/query/{awb}}: the labels of the shipment as it was created, one per parcel, in the
     * format it was created with. SMSA does not know the AWB when it answers 404 (or the number cannot be an AWB); a
     * label that is not the PDF or ZPL it should be is an unreadable reply.
     */
    @Override
    public CompletableFuture<List<Label>> labels(String trackingNumber) {
        String awb = trackingNumber.strip();
        if (!AWB.matcher(awb).matches()) {
            return CompletableFuture.failedFuture(
                    new TrackingNumberNotFoundException(SMSA, abbreviate(trackingNumber)));
        }
        return http.get(SmsaOperation.QUERY_B2C_SHIPMENT, awb).thenApply(reply -> {
            if (reply.status() == 404) {
                throw new TrackingNumberNotFoundException(SMSA, awb);
            }
            if (!reply.isSuccess()) {
                throw faults.forStatus(reply);
            }
            SmsaWire.B2cCreated shipment = http.convert(reply.operation(), http.read(reply), SmsaWire.B2cCreated.class);
            return labels(shipment, defect -> {
                throw faults.unreadable(reply.operation(), defect);
            });
        });
    }

    /**
     * One label per waybill that carries a file ({@code awbFile}, base64), numbered by the waybill's place from 1,
     * in the format its bytes are in (the one asked for, unless SMSA made another). A file that is not base64, not
     * PDF or ZPL, or larger than {@link Label#MAX_BYTES} goes to {@code defective} with the reason, and is left out.
     */
    private static List<Label> labels(SmsaWire.B2cCreated shipment, Consumer<String> defective) {
        List<SmsaWire.Waybill> waybills = Optional.ofNullable(shipment.waybills()).orElse(List.of()).stream()
                .filter(waybill -> waybill != null && !isBlank(waybill.awb()))
                .toList();
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < waybills.size() && i < ShipmentRequest.MAX_PARCELS; i++) {
            String file = waybills.get(i).awbFile();
            if (isBlank(file)) {
                continue;
            }
            int parcel = i + 1;
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(file.replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                defective.accept("the label of parcel " + parcel + " is not kept: awbFile is not base64");
                continue;
            }
            Optional<LabelFormat> format = LabelFormat.recognise(bytes);
            if (format.isEmpty()) {
                defective.accept("the label of parcel " + parcel + " is not kept: it is neither PDF nor ZPL");
                continue;
            }
            Label label = Label.of(parcel, format.get(), bytes);
            Optional<String> defect = label.defect();
            if (defect.isPresent()) {
                defective.accept(defect.get() + "; it is not kept");
                continue;
            }
            if (!labels.isEmpty() && labels.get(0).format() != label.format()) {
                defective.accept("the label of parcel " + parcel + " is not kept: its format differs from parcel 1's");
                continue;
            }
            labels.add(label);
        }
        return labels;
    }

    // ----------------------------------------------------------------------------------------- tracking

    /**
     * {@code GET /api/track/single/{awb}}. SMSA does not know the AWB when it answers 404, an empty reply, or one
     * without {@code AWB} (as SMSA's own plugin reads it); a number that cannot be an AWB is not sent.
     */
    @Override
    public CompletableFuture<ShipmentTracking> track(String trackingNumber) {
        String awb = trackingNumber.strip();
        if (!AWB.matcher(awb).matches()) {
            return CompletableFuture.failedFuture(
                    new TrackingNumberNotFoundException(SMSA, abbreviate(trackingNumber)));
        }
        return http.get(SmsaOperation.TRACK_SINGLE, awb)
                .thenApply(reply -> tracking(reply, awb)
                        .map(found -> tracking(reply.operation(), found))
                        .orElseThrow(() -> new TrackingNumberNotFoundException(SMSA, awb)));
    }

    private Optional<SmsaWire.Tracking> tracking(SmsaHttp.Reply reply, String awb) {
        Optional<JsonNode> found = trackingJson(reply);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        JsonNode json = found.get();
        if (json.isArray()) {
            // Not documented for the single endpoint, but harmless to accept: pick the requested AWB.
            return trackings(reply.operation(), json).stream()
                    .filter(t -> t.awb().strip().equalsIgnoreCase(awb))
                    .findFirst();
        }
        if (!json.isObject()) {
            throw faults.unreadable(reply.operation(), "expected a JSON object, got " + json.getNodeType());
        }
        SmsaWire.Tracking tracking = http.convert(reply.operation(), json, SmsaWire.Tracking.class);
        return isBlank(tracking.awb()) ? Optional.empty() : Optional.of(tracking);
    }

    /**
     * {@code POST /api/track/bulk/} with a JSON array of AWBs: one entry per AWB that SMSA knows, in SMSA's order
     * (entries without {@code AWB} are dropped; a 404 or an empty reply means none is known). Numbers that cannot be
     * AWBs are not sent.
     */
    CompletableFuture<List<ShipmentTracking>> trackAll(List<String> trackingNumbers) {
        List<String> awbs = trackingNumbers.stream()
                .map(String::strip)
                .filter(awb -> AWB.matcher(awb).matches())
                .distinct()
                .toList();
        if (awbs.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return http.post(SmsaOperation.TRACK_BULK, awbs)
                .thenApply(reply -> bulkTrackings(reply).stream()
                        .map(tracking -> tracking(reply.operation(), tracking))
                        .toList());
    }

    /**
     * {@code GET /api/track/reference/{reference}}: the shipments SMSA holds under the merchant's reference (the
     * {@code OrderNumber} sent at creation), one tracking object each, their {@code AWB} being the shipment's. A 404,
     * an empty reply or an empty array means none. A reply of one object rather than an array is read as one.
     */
    @Override
    public CompletableFuture<List<CreatedShipment>> findByReference(String reference) {
        String wanted = reference.strip();
        return http.get(SmsaOperation.TRACK_REFERENCE, wanted).thenApply(reply -> {
            Optional<JsonNode> found = trackingJson(reply);
            if (found.isEmpty()) {
                return List.<CreatedShipment>of();
            }
            JsonNode json = found.get();
            List<SmsaWire.Tracking> trackings;
            if (json.isArray()) {
                trackings = trackings(reply.operation(), json);
            } else if (json.isObject()) {
                SmsaWire.Tracking one = http.convert(reply.operation(), json, SmsaWire.Tracking.class);
                trackings = isBlank(one.awb()) ? List.of() : List.of(one);
            } else {
                throw faults.unreadable(reply.operation(), "expected a JSON array, got " + json.getNodeType());
            }
            return trackings.stream()
                    .map(tracking -> tracking.awb().strip())
                    .distinct()
                    .map(awb -> new CreatedShipment(SMSA, awb, List.of()))
                    .toList();
        });
    }

    private List<SmsaWire.Tracking> bulkTrackings(SmsaHttp.Reply reply) {
        Optional<JsonNode> found = trackingJson(reply);
        if (found.isEmpty()) {
            return List.of();
        }
        if (!found.get().isArray()) {
            throw faults.unreadable(
                    reply.operation(),
                    "expected a JSON array, got " + found.get().getNodeType());
        }
        return trackings(reply.operation(), found.get());
    }

    /**
     * The JSON of a tracking reply; empty when SMSA knows none of the AWBs asked for: a 404, an empty body or
     * {@code null}.
     */
    private Optional<JsonNode> trackingJson(SmsaHttp.Reply reply) {
        if (reply.status() == 404) {
            return Optional.empty();
        }
        if (!reply.isSuccess()) {
            throw faults.forStatus(reply);
        }
        if (reply.body().isBlank()) {
            return Optional.empty();
        }
        JsonNode json = http.read(reply);
        return json.isNull() ? Optional.empty() : Optional.of(json);
    }

    private List<SmsaWire.Tracking> trackings(String operation, JsonNode array) {
        List<SmsaWire.Tracking> result = new ArrayList<>();
        for (JsonNode element : array) {
            if (!element.isObject()) {
                throw faults.unreadable(operation, "expected JSON objects in the array, got " + element.getNodeType());
            }
            SmsaWire.Tracking tracking = http.convert(operation, element, SmsaWire.Tracking.class);
            if (!isBlank(tracking.awb())) {
                result.add(tracking);
            }
        }
        return result;
    }

    /**
     * SMSA's free text is cleaned to what {@link TrackingEvent} accepts (no control characters, bounded length): an
     * odd character in a scan must not make a good reply "unreadable" and count as an outage.
     */
    private ShipmentTracking tracking(String operation, SmsaWire.Tracking tracking) {
        try {
            List<TrackingEvent> events = new ArrayList<>();
            for (SmsaWire.Scan scan : Optional.ofNullable(tracking.scans()).orElse(List.of())) {
                if (scan == null
                        || scan.scanDateTime() == null
                        || scan.scanDateTime().isBlank()) {
                    continue; // a scan without a time cannot be placed in the history
                }
                events.add(new TrackingEvent(
                        clean(scan.scanType(), 40),
                        clean(scan.scanDescription(), 500),
                        clean(scan.city(), 200),
                        scanTime(scan.scanDateTime(), scan.scanTimeZone())));
            }
            boolean delivered = tracking.isDelivered() != null
                    ? tracking.isDelivered()
                    : events.stream().anyMatch(event -> event.code().equalsIgnoreCase(DELIVERED));
            return new ShipmentTracking(SMSA, tracking.awb().strip(), delivered, events);
        } catch (DateTimeException | IllegalArgumentException e) {
            throw faults.unreadable(operation, "unusable tracking data: " + e.getMessage());
        }
    }

    /**
     * SMSA sends local time, perhaps with fractional seconds, and the offset apart ({@code "+03:00"}). A time that
     * carries its own offset is taken as is; a missing offset is KSA's.
     */
    static OffsetDateTime scanTime(String dateTime, String timeZone) {
        String text = dateTime.strip();
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            // local time: the usual case
        }
        LocalDateTime local = LocalDateTime.parse(text.replace(' ', 'T'));
        ZoneId zone = timeZone == null || timeZone.isBlank() ? KSA_OFFSET : ZoneId.of(timeZone.strip());
        return local.atZone(zone).toOffsetDateTime();
    }

    // ---------------------------------------------------------------------------------------- mapping

    /** The merchant's name on the label: the company when there is one, else the person. */
    private static String shipperName(Party shipper) {
        return shipper.company().isEmpty() ? shipper.name() : shipper.company();
    }

    private static SmsaWire.B2cAddress address(Party party, String contactName, boolean consignee) {
        var address = party.address();
        return new SmsaWire.B2cAddress(
                clip(contactName, MAX_CONTACT_NAME),
                phoneDigits(party),
                "",
                "",
                address.country().value(),
                "",
                address.postalCode(),
                clip(address.city(), MAX_CITY),
                clip(address.line1(), MAX_ADDRESS_LINE),
                clip(address.line2(), MAX_ADDRESS_LINE),
                consignee ? "" : null,
                consignee ? "" : null);
    }

    /**
     * Digits with the country's calling code, as SMSA's examples show ({@code 966551112233}): {@code +966 55…}
     * and {@code 00966 55…} lose the prefix; a local {@code 055…} gets the calling code of the address's country.
     */
    static String phoneDigits(Party party) {
        String digits = party.phoneDigits();
        if (party.phone().startsWith("+")) {
            return digits;
        }
        if (digits.startsWith("00")) {
            return digits.substring(2);
        }
        String callingCode = CALLING_CODES.get(party.address().country().value());
        if (callingCode == null || digits.startsWith(callingCode)) {
            return digits;
        }
        return callingCode + (digits.startsWith("0") ? digits.substring(1) : digits);
    }

    /** At most {@code max} UTF-16 units (what SMSA's .NET validation counts), never splitting a surrogate pair. */
    static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end).strip();
    }

    private static String clean(String text, int max) {
        if (text == null) {
            return "";
        }
        String cleaned = text.replaceAll("\\p{Cntrl}+", " ").strip();
        return clip(cleaned, max);
    }

    private static String abbreviate(String text) {
        String cleaned = clean(text, 64);
        return cleaned.isEmpty() ? "(blank)" : cleaned;
    }

    private static boolean hasText(JsonNode node) {
        return node.isValueNode() && !node.isNull() && !node.asText().isBlank();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
