package io.haderos.shipping.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The SMSA eCom stand-in: an ASP.NET Core-like REST API under {@code /api/}.
 *
 * <ul>
 *   <li>Every request needs the {@code apikey} header (name in any case, value exact): else 401
 *   with an empty body.</li>
 *   <li>{@code POST /api/shipment/b2c/new} validates types and lengths server-side and answers 400
 *   {@code application/problem+json} with an {@code errors} map (field path → messages) on
 *   failure. JSON member names are matched ignoring case, as System.Text.Json does in ASP.NET
 *   Core; numbers may be sent as numeric strings, strings may not be sent as numbers. Success: 200
 *   with {@code sawb} ("2312" + an 8-digit sequence from 1), {@code createDate} (Riyadh local
 *   time), {@code shipmentParcelsCount} and one {@code waybills[]} entry per parcel
 *   ({@code Parcels}, 1–{@value #MAX_PARCELS}), each with the next number of the same sequence and,
 *   in {@code awbFile}, the base64 label of that parcel: a one-page PDF, or one ZPL II label with
 *   {@code WaybillType "ZPL"} (PDF is the default; the type is matched ignoring case, anything else
 *   is a 400). Each label shows its parcel's number (ZPL also as a Code 128 barcode), the
 *   {@code sawb}, the order number and the addresses.</li>
 *   <li>{@code GET /api/shipment/b2c/query/{awb}} returns the create response again, labels in the
 *   format the shipment was created with; {@code GET /api/track/single/{awb}} one tracking object
 *   (with the wire's misspelt {@code DesinationCity}/{@code DesinationCountry});
 *   {@code POST /api/track/bulk} an array of them for the known AWBs of an array of AWBs (unknown
 *   ones are left out). Either the {@code sawb} or a parcel {@code awb} may be used. An unknown AWB
 *   on query or track/single is 404 with a problem body: the sandbox's choice, unverified against
 *   SMSA.</li>
 *   <li>{@code GET /api/track/reference/{reference}} returns a JSON array of the tracking objects
 *   (keyed by their {@code sawb}) of the shipments whose {@code OrderNumber} equals the reference
 *   exactly, oldest first; none is an empty array with 200, not a 404 (the sandbox's choice).</li>
 *   <li>Fault mode {@code reject}: 400 with an {@code errors} map on every operation. The other
 *   modes apply to every path alike.</li>
 *   <li>The stand-in remembers the last {@value RecentShipments#CAPACITY} shipments it created;
 *   older ones are answered as unknown.</li>
 *   <li>Paths are matched ignoring case and a trailing slash; unknown paths are 404, a wrong
 *   method 405.</li>
 * </ul>
 */
final class SmsaStandIn extends StandIn {

    static final List<String> COUNTRIES = List.of("SA", "AE", "BH", "EG", "KW", "OM", "QA", "JO");

    private static final String CREATE = "/api/shipment/b2c/new";
    private static final String QUERY = "/api/shipment/b2c/query/";
    private static final String TRACK = "/api/track/single/";
    private static final String BULK = "/api/track/bulk";
    private static final String REFERENCE = "/api/track/reference/";
    static final int MAX_PARCELS = 100;
    private static final DateTimeFormatter CREATE_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter SCAN_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SS", Locale.ROOT);

    private final String apiKey;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong traces = new AtomicLong();
    private final RecentShipments<Created> created = new RecentShipments<>(RecentShipments.CAPACITY);

    /** A shipment created here, found by its {@code sawb} and by each parcel {@code awb}. */
    private record Created(
            String sawb,
            List<String> awbs,
            Instant at,
            String orderNumber,
            BigDecimal codAmount,
            String currency,
            String content,
            String sender,
            String recipient,
            String originCity,
            String originCountry,
            String destinationCity,
            String destinationCountry,
            boolean zpl) {}

    private record Address(String contactName, String phone, String country, String city, String line1, String line2) {}

    SmsaStandIn(String host, int port, String apiKey, Clock clock) {
        super("smsa", host, port);
        this.apiKey = apiKey;
        this.clock = clock;
    }

    @Override
    String basePath() {
        return "/";
    }

    @Override
    void sendServerError(HttpExchange exchange) throws IOException {
        sendProblem(
                exchange,
                500,
                "https://tools.ietf.org/html/rfc7231#section-6.6.1",
                "An error occurred while processing your request.",
                null);
    }

    @Override
    void serve(HttpExchange exchange, byte[] body, boolean reject) throws IOException {
        if (!apiKey.equals(exchange.getRequestHeaders().getFirst("apikey"))) {
            Exchanges.sendEmpty(exchange, 401);
            return;
        }
        String path = Exchanges.path(exchange);
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.equals(CREATE)) {
            if (allowed(exchange, "POST")) {
                create(exchange, body, reject);
            }
        } else if (lower.startsWith(QUERY) && lower.length() > QUERY.length()) {
            if (allowed(exchange, "GET")) {
                String awb = path.substring(QUERY.length());
                lookUp(exchange, awb, reject, created -> createResponse(created));
            }
        } else if (lower.startsWith(TRACK) && lower.length() > TRACK.length()) {
            if (allowed(exchange, "GET")) {
                String awb = path.substring(TRACK.length());
                lookUp(exchange, awb, reject, created -> tracking(created, awb));
            }
        } else if (lower.equals(BULK)) {
            if (allowed(exchange, "POST")) {
                bulk(exchange, body, reject);
            }
        } else if (lower.startsWith(REFERENCE) && lower.length() > REFERENCE.length()) {
            if (allowed(exchange, "GET")) {
                byReference(exchange, path.substring(REFERENCE.length()), reject);
            }
        } else {
            Exchanges.sendEmpty(exchange, 404);
        }
    }

    private void create(HttpExchange exchange, byte[] body, boolean reject) throws IOException {
        JsonNode root = parseBody(exchange, body, "SMSA.Ecom.B2CShipmentRequest");
        if (root == null) {
            return;
        }
        Reader reader = new Reader();
        Address consignee = reader.address(root, "ConsigneeAddress");
        Address shipper = reader.address(root, "ShipperAddress");
        String orderNumber = reader.string(root, "OrderNumber", "OrderNumber");
        BigDecimal declaredValue = reader.decimal(root, "DeclaredValue", "DeclaredValue");
        BigDecimal codAmount = reader.decimal(root, "CODAmount", "CODAmount");
        Integer parcels = reader.int32(root, "Parcels", "Parcels");
        LocalDateTime shipDate = reader.dateTime(root, "ShipDate", "ShipDate");
        String currency = reader.string(root, "ShipmentCurrency", "ShipmentCurrency");
        BigDecimal weight = reader.decimal(root, "Weight", "Weight");
        String weightUnit = reader.string(root, "WeightUnit", "WeightUnit");
        String waybillType = reader.string(root, "WaybillType", "WaybillType");
        String content = reader.string(root, "ContentDescription", "ContentDescription");
        reader.string(root, "ServiceCode", "ServiceCode");
        reader.string(root, "SMSARetailID", "SMSARetailID");
        reader.bool(root, "VatPaid", "VatPaid");
        reader.bool(root, "DutyPaid", "DutyPaid");
        if (!reader.errors.isEmpty()) {
            sendValidation(exchange, reader.errors);
            return;
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (reject) {
            add(errors, "ConsigneeAddress.City", "The City field is invalid.");
            sendValidation(exchange, errors);
            return;
        }
        checkAddress(consignee, "ConsigneeAddress", errors);
        checkAddress(shipper, "ShipperAddress", errors);
        required(orderNumber, "OrderNumber", errors);
        if (declaredValue == null) {
            add(errors, "DeclaredValue", "The DeclaredValue field is required.");
        } else if (declaredValue.signum() < 0) {
            add(errors, "DeclaredValue", "The field DeclaredValue must be greater than or equal to 0.");
        }
        if (codAmount == null) {
            add(errors, "CODAmount", "The CODAmount field is required.");
        } else if (codAmount.signum() < 0) {
            add(errors, "CODAmount", "The field CODAmount must be greater than or equal to 0.");
        }
        if (parcels == null) {
            add(errors, "Parcels", "The Parcels field is required.");
        } else if (parcels < 1 || parcels > MAX_PARCELS) {
            add(errors, "Parcels", "The field Parcels must be between 1 and " + MAX_PARCELS + ".");
        }
        if (shipDate == null) {
            add(errors, "ShipDate", "The ShipDate field is required.");
        }
        if (required(currency, "ShipmentCurrency", errors) && currency.trim().length() != 3) {
            add(
                    errors,
                    "ShipmentCurrency",
                    "The field ShipmentCurrency must be a string with a minimum"
                            + " length of 3 and a maximum length of 3.");
        }
        if (weight == null) {
            add(errors, "Weight", "The Weight field is required.");
        } else if (weight.signum() <= 0) {
            add(errors, "Weight", "The field Weight must be greater than 0.");
        }
        if (required(weightUnit, "WeightUnit", errors)
                && !"KG".equalsIgnoreCase(weightUnit.trim())
                && !"LB".equalsIgnoreCase(weightUnit.trim())) {
            add(errors, "WeightUnit", "The field WeightUnit must be KG or LB.");
        }
        boolean zpl = waybillType != null && "ZPL".equalsIgnoreCase(waybillType.trim());
        if (waybillType != null && !zpl && !"PDF".equalsIgnoreCase(waybillType.trim())) {
            add(errors, "WaybillType", "The field WaybillType must be PDF or ZPL.");
        }
        if (!errors.isEmpty()) {
            sendValidation(exchange, errors);
            return;
        }
        long first = sequence.getAndAdd(parcels + 1L) + 1;
        List<String> awbs = new ArrayList<>();
        for (int i = 1; i <= parcels; i++) {
            awbs.add(number(first + i));
        }
        Created shipment = new Created(
                number(first),
                List.copyOf(awbs),
                clock.instant(),
                orderNumber,
                codAmount,
                currency.trim().toUpperCase(Locale.ROOT),
                content == null ? "" : content,
                shipper.contactName(),
                consignee.contactName(),
                shipper.city(),
                shipper.country().toUpperCase(Locale.ROOT),
                consignee.city(),
                consignee.country().toUpperCase(Locale.ROOT),
                zpl);
        List<String> keys = new ArrayList<>(awbs);
        keys.add(0, shipment.sawb());
        created.add(shipment, keys);
        countShipmentCreated();
        sendJson(exchange, 200, createResponse(shipment));
    }

    private void lookUp(HttpExchange exchange, String awb, boolean reject, Function<Created, JsonNode> answer)
            throws IOException {
        if (reject) {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            add(errors, "awb", "The AWB field is invalid.");
            sendValidation(exchange, errors);
            return;
        }
        Created shipment = created.find(awb.trim()).orElse(null);
        if (shipment == null) {
            sendProblem(exchange, 404, "https://tools.ietf.org/html/rfc7231#section-6.5.4", "Not Found", null);
            return;
        }
        sendJson(exchange, 200, answer.apply(shipment));
    }

    private void bulk(HttpExchange exchange, byte[] body, boolean reject) throws IOException {
        JsonNode root = parseBody(exchange, body, "System.Collections.Generic.List`1[System.String]");
        if (root == null) {
            return;
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (!root.isArray()) {
            add(errors, "$", conversion("System.Collections.Generic.List`1[System.String]", "$"));
        } else {
            for (int i = 0; i < root.size(); i++) {
                if (!root.get(i).isTextual()) {
                    add(errors, "$[" + i + "]", conversion("System.String", "$[" + i + "]"));
                }
            }
        }
        if (errors.isEmpty() && reject) {
            add(errors, "awb", "The AWB field is invalid.");
        }
        if (!errors.isEmpty()) {
            sendValidation(exchange, errors);
            return;
        }
        ArrayNode results = Json.MAPPER.createArrayNode();
        for (JsonNode awb : root) {
            Created shipment = created.find(awb.asText().trim()).orElse(null);
            if (shipment != null) {
                results.add(tracking(shipment, awb.asText().trim()));
            }
        }
        sendJson(exchange, 200, results);
    }

    private void byReference(HttpExchange exchange, String reference, boolean reject) throws IOException {
        if (reject) {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            add(errors, "reference", "The reference field is invalid.");
            sendValidation(exchange, errors);
            return;
        }
        String wanted = reference.trim();
        ArrayNode results = Json.MAPPER.createArrayNode();
        for (Created shipment : created.matching(s -> s.orderNumber().trim().equals(wanted))) {
            results.add(tracking(shipment, shipment.sawb()));
        }
        sendJson(exchange, 200, results);
    }

    private ObjectNode createResponse(Created shipment) {
        ObjectNode node = Json.object();
        node.put("sawb", shipment.sawb());
        node.put("createDate", CREATE_DATE.format(riyadh(shipment.at())));
        node.put("shipmentParcelsCount", shipment.awbs().size());
        ArrayNode waybills = node.putArray("waybills");
        for (int i = 0; i < shipment.awbs().size(); i++) {
            String awb = shipment.awbs().get(i);
            List<Labels.Label> label = List.of(label(shipment, i));
            byte[] file = shipment.zpl() ? Labels.zpl(label) : Labels.pdf(label);
            waybills.addObject()
                    .put("awb", awb)
                    .put("awbFile", Base64.getEncoder().encodeToString(file));
        }
        return node;
    }

    /** The label of parcel {@code index} (from 0). */
    private static Labels.Label label(Created shipment, int index) {
        List<String> lines = new ArrayList<>();
        lines.add("Shipment: " + shipment.sawb());
        lines.add("Order: " + shipment.orderNumber());
        lines.add("From: " + shipment.sender());
        lines.add("    " + shipment.originCity() + ", " + shipment.originCountry());
        lines.add("To: " + shipment.recipient());
        lines.add("    " + shipment.destinationCity() + ", " + shipment.destinationCountry());
        if (shipment.codAmount().signum() > 0) {
            lines.add("COD: " + shipment.codAmount().toPlainString() + " " + shipment.currency());
        }
        lines.add("Date: " + riyadh(shipment.at()).toLocalDate());
        List<String> awbs = shipment.awbs();
        return new Labels.Label("SMSA Express", awbs.get(index), index + 1, awbs.size(), lines);
    }

    private static ObjectNode tracking(Created shipment, String awb) {
        ObjectNode node = Json.object();
        node.put("AWB", awb);
        node.put("Reference", shipment.orderNumber());
        node.put("Pieces", shipment.awbs().size());
        node.put("CODAmount", shipment.codAmount());
        node.put("ContentDesc", shipment.content());
        node.put("RecipientName", shipment.recipient());
        node.put("OriginCity", shipment.originCity());
        node.put("OriginCountry", shipment.originCountry());
        node.put("DesinationCity", shipment.destinationCity());
        node.put("DesinationCountry", shipment.destinationCountry());
        node.put("isDelivered", false);
        ObjectNode scan = node.putArray("Scans").addObject();
        scan.put("ReferenceID", "");
        scan.put("ReceivedBy", "");
        scan.put("City", shipment.originCity());
        scan.put("ScanType", "DR");
        scan.put("ScanDescription", "Data Received");
        scan.put("ScanDateTime", SCAN_DATE.format(riyadh(shipment.at())));
        scan.put("ScanTimeZone", "+03:00");
        return node;
    }

    private static void checkAddress(Address address, String prefix, Map<String, List<String>> errors) {
        if (address == null) {
            add(errors, prefix, "The " + prefix + " field is required.");
            return;
        }
        length(address.contactName(), prefix, "ContactName", 5, 150, true, errors);
        required(address.phone(), prefix + ".ContactPhoneNumber", errors);
        if (required(address.country(), prefix + ".Country", errors)
                && !COUNTRIES.contains(address.country().trim().toUpperCase(Locale.ROOT))) {
            add(errors, prefix + ".Country", "The field Country must be one of " + String.join(", ", COUNTRIES) + ".");
        }
        length(address.city(), prefix, "City", 3, 50, true, errors);
        length(address.line1(), prefix, "AddressLine1", 10, 100, true, errors);
        length(address.line2(), prefix, "AddressLine2", 0, 100, false, errors);
    }

    private static void length(
            String value,
            String prefix,
            String field,
            int min,
            int max,
            boolean mandatory,
            Map<String, List<String>> errors) {
        String key = prefix + "." + field;
        if (value == null || value.isBlank()) {
            if (mandatory) {
                add(errors, key, "The " + field + " field is required.");
            }
            return;
        }
        int length = value.trim().length();
        if (length < min || length > max) {
            add(
                    errors,
                    key,
                    "The field " + field + " must be a string with a minimum length of " + min
                            + " and a maximum length of " + max + ".");
        }
    }

    private static boolean required(String value, String key, Map<String, List<String>> errors) {
        if (value == null || value.isBlank()) {
            String field = key.substring(key.lastIndexOf('.') + 1);
            add(errors, key, "The " + field + " field is required.");
            return false;
        }
        return true;
    }

    private static void add(Map<String, List<String>> errors, String key, String message) {
        errors.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
    }

    /** Parses a JSON body, answering 400 itself (and returning null) when it cannot. */
    private JsonNode parseBody(HttpExchange exchange, byte[] body, String type) throws IOException {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            add(errors, "", "A non-empty request body is required.");
            sendValidation(exchange, errors);
            return null;
        }
        try {
            return Json.parse(body);
        } catch (JsonProcessingException e) {
            long line =
                    e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr() - 1);
            long column =
                    e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getColumnNr() - 1);
            add(
                    errors,
                    "$",
                    "The JSON value could not be converted to " + type + ". Path: $" + " | LineNumber: " + line
                            + " | BytePositionInLine: " + column + ".");
            sendValidation(exchange, errors);
            return null;
        }
    }

    private void sendValidation(HttpExchange exchange, Map<String, List<String>> errors) throws IOException {
        ObjectNode problem = Json.object();
        problem.put("type", "https://tools.ietf.org/html/rfc7231#section-6.5.1");
        problem.put("title", "One or more validation errors occurred.");
        problem.put("status", 400);
        problem.put("traceId", traceId());
        problem.set("errors", Json.MAPPER.valueToTree(errors));
        Exchanges.send(exchange, 400, Exchanges.PROBLEM_JSON, Json.write(Json.MAPPER, problem));
    }

    private void sendProblem(HttpExchange exchange, int status, String type, String title, String detail)
            throws IOException {
        ObjectNode problem = Json.object();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", status);
        if (detail != null) {
            problem.put("detail", detail);
        }
        problem.put("traceId", traceId());
        Exchanges.send(exchange, status, Exchanges.PROBLEM_JSON, Json.write(Json.MAPPER, problem));
    }

    private static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        Exchanges.send(exchange, status, Exchanges.JSON, Json.write(Json.MAPPER, body));
    }

    private static boolean allowed(HttpExchange exchange, String method) throws IOException {
        if (method.equals(exchange.getRequestMethod())) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", method);
        Exchanges.sendEmpty(exchange, 405);
        return false;
    }

    private String traceId() {
        long n = traces.incrementAndGet();
        return String.format("00-%032x-%016x-00", n, n);
    }

    private static String number(long value) {
        return String.format("2312%08d", value);
    }

    private static LocalDateTime riyadh(Instant instant) {
        return LocalDateTime.ofInstant(instant, WcfDate.RIYADH);
    }

    private static String conversion(String type, String path) {
        return "The JSON value could not be converted to " + type + ". Path: " + path
                + " | LineNumber: 0 | BytePositionInLine: 0.";
    }

    /** Typed, case-insensitive member access collecting System.Text.Json-style type errors. */
    private static final class Reader {
        final Map<String, List<String>> errors = new LinkedHashMap<>();

        Address address(JsonNode root, String name) {
            return member(root, name, name, "SMSA.Ecom.Address", node -> {
                if (!node.isObject()) {
                    return null;
                }
                return new Address(
                        string(node, "ContactName", name + ".ContactName"),
                        string(node, "ContactPhoneNumber", name + ".ContactPhoneNumber"),
                        string(node, "Country", name + ".Country"),
                        string(node, "City", name + ".City"),
                        string(node, "AddressLine1", name + ".AddressLine1"),
                        string(node, "AddressLine2", name + ".AddressLine2"));
            });
        }

        String string(JsonNode parent, String name, String path) {
            return member(parent, name, path, "System.String", node -> node.isTextual() ? node.asText() : null);
        }

        BigDecimal decimal(JsonNode parent, String name, String path) {
            return member(parent, name, path, "System.Decimal", node -> {
                if (node.isNumber()) {
                    return node.decimalValue();
                }
                return node.isTextual() ? new BigDecimal(node.asText().trim()) : null;
            });
        }

        Integer int32(JsonNode parent, String name, String path) {
            return member(parent, name, path, "System.Int32", node -> {
                if (node.isIntegralNumber() && node.canConvertToInt()) {
                    return node.intValue();
                }
                return node.isTextual() ? Integer.valueOf(node.asText().trim()) : null;
            });
        }

        Boolean bool(JsonNode parent, String name, String path) {
            return member(parent, name, path, "System.Boolean", node -> node.isBoolean() ? node.booleanValue() : null);
        }

        LocalDateTime dateTime(JsonNode parent, String name, String path) {
            String text = string(parent, name, path);
            if (text == null) {
                return null;
            }
            try {
                return LocalDateTime.parse(text.trim(), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            } catch (DateTimeParseException e) {
                typeError(path, "System.DateTime");
                return null;
            }
        }

        /**
         * Member {@code name} as {@code read} makes it, or null when absent; what {@code read} cannot make is a type
         * error at {@code path}, and null.
         */
        private <T> T member(JsonNode parent, String name, String path, String type, Function<JsonNode, T> read) {
            JsonNode node = present(parent, name);
            if (node == null) {
                return null;
            }
            Optional<T> value = Json.readable(node, read);
            if (value.isEmpty()) {
                typeError(path, type);
            }
            return value.orElse(null);
        }

        private void typeError(String path, String type) {
            add(errors, "$." + path, conversion(type, "$." + path));
        }

        private static JsonNode present(JsonNode parent, String name) {
            JsonNode node = Json.fieldIgnoreCase(parent, name);
            return node == null || node.isNull() ? null : node;
        }
    }
}
