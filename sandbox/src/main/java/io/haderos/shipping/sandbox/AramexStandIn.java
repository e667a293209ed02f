package io.haderos.shipping.sandbox;

import static io.haderos.shipping.sandbox.AramexRequests.address;
import static io.haderos.shipping.sandbox.AramexRequests.client;
import static io.haderos.shipping.sandbox.AramexRequests.details;
import static io.haderos.shipping.sandbox.AramexRequests.integer;
import static io.haderos.shipping.sandbox.AramexRequests.object;
import static io.haderos.shipping.sandbox.AramexRequests.shipments;
import static io.haderos.shipping.sandbox.AramexRequests.string;
import static io.haderos.shipping.sandbox.AramexRequests.waybills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.haderos.shipping.sandbox.AramexRequests.Address;
import io.haderos.shipping.sandbox.AramexRequests.Client;
import io.haderos.shipping.sandbox.AramexRequests.Details;
import io.haderos.shipping.sandbox.AramexRequests.MalformedException;
import io.haderos.shipping.sandbox.AramexRequests.Party;
import io.haderos.shipping.sandbox.AramexRequests.Shipment;
import io.haderos.shipping.sandbox.AramexRequests.Weight;
import java.io.IOException;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Aramex stand-in: the JSON endpoints of Aramex's WCF services under {@code /ShippingAPI.V2/},
 * paths matched ignoring case: {@code RateCalculator/…/CalculateRate},
 * {@code Shipping/…/CreateShipments}, {@code Shipping/…/PrintLabel} and
 * {@code Tracking/…/TrackShipments} (each {@code …/Service_1_0.svc/json/<Operation>}), and the label
 * files under {@code /content/rpt_cache/}.
 *
 * <ul>
 *   <li>Business outcomes are HTTP 200 with {@code Transaction} echoed, {@code Notifications} and
 *   {@code HasErrors}. Wrong or missing {@code ClientInfo}: {@code ERR01}. A city not in
 *   {@link Cities} for its country: {@code ERR52}. A missing required member: a {@code REQnn} code
 *   of the stand-in's own (Aramex's real REQ codes are unverified).</li>
 *   <li>CreateShipments reports a shipment's errors inside {@code Shipments[i]} (top-level
 *   {@code Notifications} empty, top-level {@code HasErrors} true). Each shipment is processed on
 *   its own: the valid ones of a batch are created. AWBs are {@code "301"} + an 8-digit sequence
 *   from 1. A shipment has at most {@value #MAX_PIECES} pieces ({@code REQ09} beyond).</li>
 *   <li>Labels: one PDF per shipment with one page per piece ({@code Details.NumberOfPieces}), each
 *   page showing the AWB. {@code LabelInfo.ReportType "RPT"} puts it base64 in
 *   {@code ShipmentLabel.LabelFileContents} ({@code LabelURL} null); any other type, or none,
 *   ({@code "URL"}) gives {@code LabelURL}, an absolute URL on this stand-in's own listener,
 *   {@code http://host:port/content/rpt_cache/<token>.pdf} with an unguessable token, which serves
 *   the PDF as {@code application/pdf} on GET without credentials ({@code LabelFileContents} null).
 *   Aramex labels are PDF only; {@code ReportID} is read but does not change the layout.</li>
 *   <li>PrintLabel ({@code ShipmentNumber}, {@code ProductGroup}, {@code OriginEntity},
 *   {@code LabelInfo}) returns {@code ShipmentNumber} and the {@code ShipmentLabel} of a shipment
 *   created here, with {@code ReportType} honoured as above; {@code ProductGroup} and
 *   {@code OriginEntity} are read, not checked. A blank {@code ShipmentNumber} is {@code REQ12};
 *   a number this stand-in did not create (or no longer remembers) is {@value #ERR_NO_SHIPMENT}
 *   {@code "ShipmentNumber - Shipment not found (<number>)"}, with {@code HasErrors: true} and
 *   {@code ShipmentLabel: null}. That code is the stand-in's own: Aramex's is not known.</li>
 *   <li>CalculateRate prices with {@link AramexQuote}.</li>
 *   <li>TrackShipments knows the AWBs created here (one {@code SH014} "Record created." event at
 *   the origin city); others are listed in {@code NonExistingWaybills} with
 *   {@code HasErrors: false}. A number that is no AWB but the {@code Reference1} (else
 *   {@code ForeignHAWB}) of shipments created here is answered with their AWBs as the
 *   {@code WaybillNumber}s: the stand-in's form of a look-up by reference, which Aramex does not
 *   document (the gateway's reconciler relies on it; an assumption about the real API).</li>
 *   <li>Fault mode {@code reject}: {@code ERR52} on every operation; the label files are served
 *   as usual (there is nothing to validate). The other modes apply to every path alike.</li>
 *   <li>The stand-in remembers the last {@value RecentShipments#CAPACITY} shipments it created
 *   (for tracking, PrintLabel and the label files); older ones are answered as unknown.</li>
 *   <li>WCF behaviour: a body that cannot be deserialised (malformed JSON, wrong member type, a
 *   date not in {@code /Date(ms±hhmm)/} form, no JSON content type) is answered 400 with an HTML
 *   "Request Error" page; an unknown operation 404 "Endpoint not found"; a GET on an operation
 *   405. Responses escape {@code /} as {@code \/}, as DataContractJsonSerializer does.</li>
 * </ul>
 */
final class AramexStandIn extends StandIn {

    private static final String BASE = "/shippingapi.v2/";
    private static final Map<String, String> OPERATIONS = Map.of(
            "ratecalculator/service_1_0.svc/json/calculaterate", "CalculateRate",
            "shipping/service_1_0.svc/json/createshipments", "CreateShipments",
            "shipping/service_1_0.svc/json/printlabel", "PrintLabel",
            "tracking/service_1_0.svc/json/trackshipments", "TrackShipments");
    /** PrintLabel's code for a shipment number this stand-in does not know. */
    static final String ERR_NO_SHIPMENT = "ERR64";
    /** Most pieces (label pages) a shipment may have. */
    static final int MAX_PIECES = 100;
    /** Where label files are served, as Aramex serves its report cache. */
    private static final String LABEL_PATH = "/content/rpt_cache/";
    /** Label tokens are remembered beside the AWBs, under this prefix. */
    private static final String LABEL_KEY = "label:";

    private static final SecureRandom TOKENS = new SecureRandom();
    private static final String GENERIC_ERROR =
            "The server encountered an error processing the" + " request. See server logs for more details.";
    private static final double MAX_WEIGHT = 100_000;

    private final AramexCredentials credentials;
    private final Clock clock;
    private final AtomicLong awbSequence = new AtomicLong();
    private final RecentShipments<Created> created = new RecentShipments<>(RecentShipments.CAPACITY);

    /** A shipment created here, remembered for tracking and its label. */
    private record Created(
            String awb,
            String labelToken,
            Instant at,
            Cities.City origin,
            Cities.City destination,
            String consignee,
            String reference,
            int pieces,
            String product,
            String grossWeight,
            String chargeableWeight,
            String weightUnit) {}

    AramexStandIn(String host, int port, AramexCredentials credentials, Clock clock) {
        super("aramex", host, port);
        this.credentials = credentials;
        this.clock = clock;
    }

    @Override
    String basePath() {
        return "/ShippingAPI.V2/";
    }

    @Override
    void sendServerError(HttpExchange exchange) throws IOException {
        Exchanges.sendHtml(exchange, 500, page("Request Error", "Request Error", GENERIC_ERROR));
    }

    @Override
    void serve(HttpExchange exchange, byte[] body, boolean reject) throws IOException {
        String path = Exchanges.path(exchange).toLowerCase(Locale.ROOT);
        if (path.startsWith(LABEL_PATH)) {
            serveLabel(exchange, path.substring(LABEL_PATH.length()));
            return;
        }
        String operation = path.startsWith(BASE) ? OPERATIONS.get(path.substring(BASE.length())) : null;
        if (operation == null) {
            Exchanges.sendHtml(exchange, 404, page("Service", "Service", "Endpoint not found."));
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            Exchanges.sendHtml(exchange, 405, page("Service", "Service", "Method not allowed."));
            return;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("json")) {
            sendRequestError(
                    exchange,
                    "The incoming message has an unexpected message format 'Raw'."
                            + " The expected message formats for the operation are 'Xml', 'Json'.");
            return;
        }
        JsonNode root;
        try {
            root = Json.parse(body);
        } catch (IOException e) {
            sendRequestError(
                    exchange,
                    "There was an error deserializing the object of type " + operation + "Request. "
                            + firstLine(e.getMessage()));
            return;
        }
        if (root == null || !root.isObject()) {
            sendRequestError(exchange, "Expecting state 'Element'. Encountered 'Text'.");
            return;
        }
        try {
            ObjectNode response;
            switch (operation) {
                case "CalculateRate":
                    response = calculateRate(root, reject);
                    break;
                case "CreateShipments":
                    response = createShipments(root, reject);
                    break;
                case "PrintLabel":
                    response = printLabel(root, reject);
                    break;
                default:
                    response = trackShipments(root, reject);
                    break;
            }
            Exchanges.send(exchange, 200, Exchanges.JSON, Json.write(Json.WCF, response));
        } catch (MalformedException e) {
            sendRequestError(
                    exchange,
                    "There was an error deserializing the object of type " + operation + "Request. " + e.getMessage());
        }
    }

    private ObjectNode calculateRate(JsonNode root, boolean reject) throws MalformedException {
        ObjectNode response = envelope(root);
        Client client = client(root);
        Address origin = address(root, "OriginAddress");
        Address destination = address(root, "DestinationAddress");
        Details details = details(root, "ShipmentDetails");
        String currency = string(root, "PreferredCurrencyCode");

        List<ObjectNode> errors = new ArrayList<>();
        if (!authentic(client)) {
            errors.add(err01());
        } else if (reject) {
            errors.add(err52("DestinationAddress", destination == null ? "" : destination.city()));
        } else {
            checkAddress(origin, "OriginAddress", false, errors);
            checkAddress(destination, "DestinationAddress", false, errors);
            checkDetails(details, "ShipmentDetails", errors);
        }
        if (!errors.isEmpty()) {
            fail(response, errors);
            response.putNull("TotalAmount");
            response.putNull("RateDetails");
            return response;
        }
        AramexQuote quote = AramexQuote.of(
                details.productGroup(),
                details.actualWeight().value(),
                details.actualWeight().unit(),
                currency);
        ObjectNode total = response.putObject("TotalAmount");
        total.put("CurrencyCode", quote.currency());
        total.put("Value", quote.total().doubleValue());
        ObjectNode rate = response.putObject("RateDetails");
        rate.put("Amount", quote.amount().doubleValue());
        rate.put("OtherAmount1", quote.extraWeightCharge().doubleValue());
        for (int i = 2; i <= 5; i++) {
            rate.put("OtherAmount" + i, 0.0);
        }
        rate.put("TotalAmountBeforeTax", quote.total().doubleValue());
        rate.put("TaxAmount", 0.0);
        return response;
    }

    private ObjectNode createShipments(JsonNode root, boolean reject) throws MalformedException {
        ObjectNode response = envelope(root);
        Client client = client(root);
        JsonNode labelInfo = object(root, "LabelInfo");
        integer(labelInfo, "ReportID");
        String reportType = string(labelInfo, "ReportType");
        List<Shipment> shipments = shipments(root);

        ArrayNode processed = response.putArray("Shipments");
        if (!authentic(client)) {
            fail(response, List.of(err01()));
            return response;
        }
        if (shipments.isEmpty()) {
            fail(response, List.of(notification("REQ01", "Shipments - At least one shipment is required")));
            return response;
        }
        boolean anyErrors = false;
        for (Shipment shipment : shipments) {
            List<ObjectNode> errors = new ArrayList<>();
            if (reject) {
                Party consignee = shipment.consignee();
                errors.add(err52(
                        "Consignee.PartyAddress",
                        consignee == null || consignee.address() == null
                                ? ""
                                : consignee.address().city()));
            } else {
                checkShipment(shipment, errors);
            }
            if (errors.isEmpty()) {
                processed.add(create(shipment, reportType));
            } else {
                anyErrors = true;
                processed.add(rejected(shipment, errors));
            }
        }
        response.put("HasErrors", anyErrors);
        return response;
    }

    private ObjectNode trackShipments(JsonNode root, boolean reject) throws MalformedException {
        ObjectNode response = envelope(root);
        Client client = client(root);
        List<String> waybills = waybills(root);
        ArrayNode results = response.putArray("TrackingResults");
        ArrayNode nonExisting = response.putArray("NonExistingWaybills");
        if (!authentic(client)) {
            fail(response, List.of(err01()));
        } else if (reject) {
            fail(response, List.of(err52("DestinationAddress", "")));
        } else if (waybills.isEmpty()) {
            fail(response, List.of(notification("REQ01", "Shipments - At least one waybill number is required")));
        } else {
            for (String awb : waybills) {
                Created shipment = byAwb(awb);
                List<Created> found = shipment != null
                        ? List.of(shipment)
                        : created.matching(
                                s -> !blank(s.reference()) && s.reference().equals(awb));
                if (found.isEmpty()) {
                    nonExisting.add(awb);
                    continue;
                }
                ObjectNode entry = results.addObject();
                entry.put("Key", awb);
                ArrayNode updates = entry.putArray("Value");
                for (Created each : found) {
                    addCreatedUpdate(updates, each);
                }
            }
        }
        return response;
    }

    /** The one tracking update a shipment created here has: {@code SH014} "Record created." at its origin. */
    private static void addCreatedUpdate(ArrayNode updates, Created shipment) {
        ObjectNode update = updates.addObject();
        update.put("WaybillNumber", shipment.awb());
        update.put("UpdateCode", "SH014");
        update.put("UpdateDescription", "Record created.");
        update.put("UpdateDateTime", WcfDate.format(shipment.at(), WcfDate.RIYADH));
        update.put("UpdateLocation", shipment.origin().location());
        update.put("Comments", "");
        update.put("ProblemCode", "");
        update.put("GrossWeight", shipment.grossWeight());
        update.put("ChargeableWeight", shipment.chargeableWeight());
        update.put("WeightUnit", shipment.weightUnit());
    }

    private ObjectNode printLabel(JsonNode root, boolean reject) throws MalformedException {
        ObjectNode response = envelope(root);
        Client client = client(root);
        String number = string(root, "ShipmentNumber");
        string(root, "ProductGroup");
        string(root, "OriginEntity");
        JsonNode labelInfo = object(root, "LabelInfo");
        integer(labelInfo, "ReportID");
        String reportType = string(labelInfo, "ReportType");
        response.put("ShipmentNumber", number);
        response.putNull("ShipmentLabel");
        Created shipment = blank(number) ? null : byAwb(number.trim());
        if (!authentic(client)) {
            fail(response, List.of(err01()));
        } else if (reject) {
            fail(response, List.of(err52("DestinationAddress", "")));
        } else if (blank(number)) {
            fail(response, List.of(notification("REQ12", "ShipmentNumber is required")));
        } else if (shipment == null) {
            fail(
                    response,
                    List.of(notification(ERR_NO_SHIPMENT, "ShipmentNumber - Shipment not found (" + number + ")")));
        } else {
            response.set("ShipmentLabel", shipmentLabel(shipment, reportType));
        }
        return response;
    }

    private ObjectNode create(Shipment shipment, String reportType) {
        String awb = String.format("301%08d", awbSequence.incrementAndGet());
        Details details = shipment.details();
        Weight actual = details.actualWeight();
        Weight chargeable =
                details.chargeableWeight() != null && details.chargeableWeight().value() != null
                        ? details.chargeableWeight()
                        : actual;
        Cities.City origin = city(shipment.shipper().address());
        Cities.City destination = city(shipment.consignee().address());
        String unit = actual.unit().toUpperCase(Locale.ROOT);
        Created remembered = new Created(
                awb,
                token(),
                clock.instant(),
                origin,
                destination,
                shipment.consignee().personName(),
                blank(shipment.reference1()) ? shipment.foreignHawb() : shipment.reference1(),
                details.numberOfPieces(),
                details.productGroup().toUpperCase(Locale.ROOT) + " " + details.productType(),
                plain(actual.value()),
                plain(chargeable.value()),
                unit);
        created.add(remembered, List.of(awb, LABEL_KEY + remembered.labelToken()));
        countShipmentCreated();

        ObjectNode node = Json.object();
        node.put("ID", awb);
        references(node, shipment);
        node.put("HasErrors", false);
        node.putArray("Notifications");
        node.set("ShipmentLabel", shipmentLabel(remembered, reportType));
        ObjectNode summary = node.putObject("ShipmentDetails");
        summary.put("Origin", origin.code());
        summary.put("Destination", destination.code());
        ObjectNode weight = summary.putObject("ChargeableWeight");
        weight.put("Unit", chargeable.unit() == null ? unit : chargeable.unit());
        weight.put("Value", chargeable.value());
        summary.put("DescriptionOfGoods", details.descriptionOfGoods());
        summary.put("GoodsOriginCountry", details.goodsOriginCountry());
        summary.put("NumberOfPieces", details.numberOfPieces());
        summary.put("ProductGroup", details.productGroup());
        summary.put("ProductType", details.productType());
        summary.put("PaymentType", details.paymentType());
        node.putArray("ShipmentAttachments");
        return node;
    }

    private static ObjectNode rejected(Shipment shipment, List<ObjectNode> errors) {
        ObjectNode node = Json.object();
        node.putNull("ID");
        references(node, shipment);
        node.put("HasErrors", true);
        node.putArray("Notifications").addAll(errors);
        node.putNull("ShipmentLabel");
        node.putNull("ShipmentDetails");
        node.putNull("ShipmentAttachments");
        return node;
    }

    /** {@code LabelURL} or {@code LabelFileContents}, as {@code ReportType} asks. */
    private ObjectNode shipmentLabel(Created shipment, String reportType) {
        ObjectNode label = Json.object();
        if (reportType != null && "RPT".equalsIgnoreCase(reportType.trim())) {
            label.putNull("LabelURL");
            label.put("LabelFileContents", Base64.getEncoder().encodeToString(labelPdf(shipment)));
        } else {
            label.put("LabelURL", origin() + LABEL_PATH + shipment.labelToken() + ".pdf");
            label.putNull("LabelFileContents");
        }
        return label;
    }

    /** One page per piece, each with the shipment's AWB. */
    private static byte[] labelPdf(Created shipment) {
        List<String> lines = new ArrayList<>();
        if (!blank(shipment.reference())) {
            lines.add("Ref: " + shipment.reference());
        }
        lines.add("From: " + place(shipment.origin()));
        lines.add("To: " + (shipment.consignee() == null ? "" : shipment.consignee()));
        lines.add("    " + place(shipment.destination()));
        lines.add("Product: " + shipment.product());
        lines.add("Weight: " + shipment.grossWeight() + " " + shipment.weightUnit());
        lines.add("Date: " + LocalDate.ofInstant(shipment.at(), WcfDate.RIYADH));
        List<Labels.Label> pages = new ArrayList<>();
        for (int piece = 1; piece <= shipment.pieces(); piece++) {
            pages.add(new Labels.Label("Aramex", shipment.awb(), piece, shipment.pieces(), lines));
        }
        return Labels.pdf(pages);
    }

    private void serveLabel(HttpExchange exchange, String file) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            Exchanges.sendHtml(exchange, 405, page("Service", "Service", "Method not allowed."));
            return;
        }
        String token = file.endsWith(".pdf") ? file.substring(0, file.length() - 4) : "";
        Created shipment = created.find(LABEL_KEY + token).orElse(null);
        if (token.isEmpty() || shipment == null) {
            Exchanges.sendHtml(
                    exchange,
                    404,
                    page("404 - File or directory not found.", "Server Error", "404 - File or directory not found."));
            return;
        }
        Exchanges.send(exchange, 200, "application/pdf", labelPdf(shipment));
    }

    private Created byAwb(String awb) {
        return created.find(awb).filter(shipment -> shipment.awb().equals(awb)).orElse(null);
    }

    private static String place(Cities.City city) {
        return city.name() + ", " + city.countryCode() + " (" + city.code() + ")";
    }

    private static String token() {
        byte[] bytes = new byte[16];
        TOKENS.nextBytes(bytes);
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    private boolean authentic(Client client) {
        return client != null
                && credentials.matches(
                        client.userName(),
                        client.password(),
                        client.accountNumber(),
                        client.accountPin(),
                        client.accountEntity(),
                        client.accountCountryCode());
    }

    private static void checkShipment(Shipment shipment, List<ObjectNode> errors) {
        checkParty(shipment.shipper(), "Shipper", errors);
        checkParty(shipment.consignee(), "Consignee", errors);
        if (shipment.shippingDateTime() == null) {
            errors.add(notification("REQ07", "ShippingDateTime is required"));
        }
        checkDetails(shipment.details(), "Details", errors);
        if (shipment.details() != null
                && shipment.details().numberOfPieces() != null
                && shipment.details().numberOfPieces() > MAX_PIECES) {
            errors.add(notification("REQ09", "Details - NumberOfPieces must be at most " + MAX_PIECES));
        }
    }

    private static void checkParty(Party party, String label, List<ObjectNode> errors) {
        if (party == null) {
            errors.add(notification("REQ02", label + " is required"));
            return;
        }
        checkAddress(party.address(), label + ".PartyAddress", true, errors);
        if (!party.hasContact()) {
            errors.add(notification("REQ02", label + ".Contact is required"));
            return;
        }
        if (blank(party.personName())) {
            errors.add(notification("REQ05", label + ".Contact - PersonName is required"));
        }
        if (blank(party.phoneNumber1())) {
            errors.add(notification("REQ06", label + ".Contact - PhoneNumber1 is required"));
        }
    }

    private static void checkAddress(Address address, String label, boolean requireLine1, List<ObjectNode> errors) {
        if (address == null) {
            errors.add(notification("REQ02", label + " is required"));
            return;
        }
        if (requireLine1 && blank(address.line1())) {
            errors.add(notification("REQ11", label + " - Line1 is required"));
        }
        if (blank(address.city())) {
            errors.add(notification("REQ03", label + " - City is required"));
        }
        if (blank(address.countryCode())) {
            errors.add(notification("REQ04", label + " - CountryCode is required"));
        }
        if (!blank(address.city())
                && !blank(address.countryCode())
                && Cities.find(address.countryCode(), address.city()).isEmpty()) {
            errors.add(err52(label, address.city()));
        }
    }

    private static void checkDetails(Details details, String label, List<ObjectNode> errors) {
        if (details == null) {
            errors.add(notification("REQ02", label + " is required"));
            return;
        }
        Weight weight = details.actualWeight();
        if (weight == null || weight.value() == null) {
            errors.add(notification("REQ08", label + " - ActualWeight is required"));
        } else {
            if (weight.value() <= 0 || weight.value() > MAX_WEIGHT) {
                errors.add(notification("REQ08", label + " - ActualWeight must be greater than 0 and at most 100000"));
            }
            if (!"KG".equalsIgnoreCase(weight.unit()) && !"LB".equalsIgnoreCase(weight.unit())) {
                errors.add(notification("REQ08", label + " - ActualWeight.Unit must be KG or LB"));
            }
        }
        if (details.numberOfPieces() == null || details.numberOfPieces() < 1) {
            errors.add(notification("REQ09", label + " - NumberOfPieces must be at least 1"));
        }
        if (blank(details.productGroup())) {
            errors.add(notification("REQ10", label + " - ProductGroup is required"));
        } else if (!"DOM".equalsIgnoreCase(details.productGroup()) && !"EXP".equalsIgnoreCase(details.productGroup())) {
            errors.add(notification("REQ10", label + " - ProductGroup is invalid (" + details.productGroup() + ")"));
        }
        if (blank(details.productType())) {
            errors.add(notification("REQ10", label + " - ProductType is required"));
        }
        if (blank(details.paymentType())) {
            errors.add(notification("REQ10", label + " - PaymentType is required"));
        }
    }

    private static ObjectNode envelope(JsonNode root) throws MalformedException {
        ObjectNode response = Json.object();
        JsonNode transaction = object(root, "Transaction");
        if (transaction == null) {
            response.set("Transaction", NullNode.getInstance());
        } else {
            ObjectNode echo = response.putObject("Transaction");
            for (int i = 1; i <= 5; i++) {
                echo.put("Reference" + i, string(transaction, "Reference" + i));
            }
        }
        response.putArray("Notifications");
        response.put("HasErrors", false);
        return response;
    }

    private static void fail(ObjectNode response, List<ObjectNode> errors) {
        ((ArrayNode) response.get("Notifications")).addAll(errors);
        response.put("HasErrors", true);
    }

    private static void references(ObjectNode node, Shipment shipment) {
        node.put("Reference1", shipment.reference1());
        node.put("Reference2", shipment.reference2());
        node.put("Reference3", shipment.reference3());
        node.put("ForeignHAWB", shipment.foreignHawb() == null ? "" : shipment.foreignHawb());
    }

    private static ObjectNode err01() {
        return notification("ERR01", "ClientInfo - Invalid username or password");
    }

    private static ObjectNode err52(String label, String city) {
        return notification("ERR52", label + " - City name is invalid (" + (city == null ? "" : city) + ")");
    }

    private static ObjectNode notification(String code, String message) {
        ObjectNode node = Json.object();
        node.put("Code", code);
        node.put("Message", message);
        return node;
    }

    private static Cities.City city(Address address) {
        return Cities.find(address.countryCode(), address.city()).orElseThrow();
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static void sendRequestError(HttpExchange exchange, String message) throws IOException {
        Exchanges.sendHtml(
                exchange,
                400,
                page(
                        "Request Error",
                        "Request Error",
                        "The server encountered an error processing the request. The exception message is '"
                                + Exchanges.escapeHtml(message) + "'. See server logs for more details."));
    }

    private static String page(String title, String heading, String message) {
        return "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\""
                + " \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>" + title + "</title>"
                + "<style>BODY { color: #000000; background-color: white; font-family: Verdana; }"
                + "</style></head><body><div id=\"content\"><p class=\"heading1\">" + heading
                + "</p><p>" + message + "</p></div></body></html>";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
