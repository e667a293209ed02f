package io.haderos.shipping.adapter.smsa;

import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.CreatedShipment;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * SMSA without its breaker: the tariff for rates, the eCom API for shipments and tracking (asynchronous), and the
 * translation between the domain and SMSA's wire format. {@link SmsaShippingCarrier} puts the breaker around it.
 */
final class SmsaEcomCarrier {

    /** SMSA's server-side limits (CARRIERS.md §3.3, §3.8 item 4): longer text is cut, shorter is sent as is. */
    static final int MAX_CONTACT_NAME = 150;

    static final int MAX_CITY = 50;
    static final int MAX_ADDRESS_LINE = 100;

    /** What can be an AWB; anything else cannot be known to SMSA and must not reach a URL path. */
    static final Pattern AWB = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final DateTimeFormatter SHIP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final ZoneOffset KSA_OFFSET = ZoneOffset.ofHours(3);

    /** Calling codes of the countries SMSA serves, to put local numbers ({@code 0551112233}) in SMSA's form. */
    private static final Map<String, String> CALLING_CODES = Map.of(
            "SA", "966", "AE", "971", "BH", "973", "KW", "965", "OM", "968", "QA", "974", "EG", "20", "JO", "962");

    private final SmsaConfig config;
    private final SmsaTariff tariff;
    private final SmsaEcomClient client;

    SmsaEcomCarrier(SmsaConfig config, SmsaTariff tariff, SmsaEcomClient client) {
        this.config = config;
        this.tariff = tariff;
        this.client = client;
    }

    /** Local: no network I/O. */
    List<RateQuote> quoteRates(RateRequest request) {
        return tariff.quote(request);
    }

    CompletableFuture<CreatedShipment> createShipment(ShipmentRequest request) {
        SmsaWire.B2cShipment wire;
        try {
            wire = toWire(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return client.createShipment(wire).thenApply(this::created);
    }

    private CreatedShipment created(SmsaWire.B2cCreated created) {
        String operation = "POST " + SmsaEcomClient.CREATE_PATH;
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
            return new CreatedShipment(CarrierId.SMSA, sawb, parcels, Optional.empty());
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw client.classifier().unreadable(operation, "unusable waybill numbers: " + e.getMessage());
        }
    }

    CompletableFuture<ShipmentTracking> track(String trackingNumber) {
        String awb = trackingNumber.strip();
        if (!AWB.matcher(awb).matches()) {
            return CompletableFuture.failedFuture(
                    new TrackingNumberNotFoundException(CarrierId.SMSA, abbreviate(trackingNumber)));
        }
        return client.track(awb)
                .thenApply(found -> found.map(
                                tracking -> toDomain(tracking, "GET " + SmsaEcomClient.TRACK_SINGLE_PATH + awb))
                        .orElseThrow(() -> new TrackingNumberNotFoundException(CarrierId.SMSA, awb)));
    }

    /** Bulk tracking: one entry per AWB that SMSA knows; AWBs that cannot exist are not sent. */
    CompletableFuture<List<ShipmentTracking>> trackAll(List<String> trackingNumbers) {
        List<String> awbs = trackingNumbers.stream()
                .map(String::strip)
                .filter(awb -> AWB.matcher(awb).matches())
                .distinct()
                .toList();
        if (awbs.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        String operation = "POST " + SmsaEcomClient.TRACK_BULK_PATH;
        return client.trackBulk(awbs)
                .thenApply(found -> found.stream()
                        .map(tracking -> toDomain(tracking, operation))
                        .toList());
    }

    SmsaWire.B2cShipment toWire(ShipmentRequest request) {
        String currency = request.declaredValue().currency().getCurrencyCode();
        if (request.isCashOnDelivery()
                && !request.cashOnDelivery()
                        .currency()
                        .equals(request.declaredValue().currency())) {
            throw new CarrierRejectedException(
                    CarrierId.SMSA,
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
                "PDF",
                request.totalWeight().kilograms(),
                "KG",
                request.description(),
                config.vatPaid(),
                config.dutyPaid(),
                service);
    }

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

    private ShipmentTracking toDomain(SmsaWire.Tracking tracking, String operation) {
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
                    : events.stream().anyMatch(event -> event.code().equalsIgnoreCase("DL"));
            return new ShipmentTracking(CarrierId.SMSA, tracking.awb().strip(), delivered, events);
        } catch (DateTimeException | IllegalArgumentException e) {
            throw client.classifier().unreadable(operation, "unusable tracking data: " + e.getMessage());
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
}
