package io.haderos.shipping.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads Aramex request bodies the way WCF deserialises them: member names are case-sensitive,
 * unknown members are ignored, a member of the wrong JSON type or a date not in
 * {@code /Date(ms±hhmm)/} form makes the whole request unreadable ({@link MalformedException},
 * answered with HTTP 400 "Request Error").
 */
final class AramexRequests {

    private AramexRequests() {}

    /** The body cannot be deserialised: WCF answers 400 with an HTML page. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    record Address(String line1, String city, String countryCode) {}

    record Party(Address address, boolean hasContact, String personName, String phoneNumber1) {}

    record Weight(String unit, Double value) {}

    record Details(
            Weight actualWeight,
            Weight chargeableWeight,
            Integer numberOfPieces,
            String productGroup,
            String productType,
            String paymentType,
            String descriptionOfGoods,
            String goodsOriginCountry) {}

    record Shipment(
            String reference1,
            String reference2,
            String reference3,
            String foreignHawb,
            Party shipper,
            Party consignee,
            Instant shippingDateTime,
            Details details) {}

    record Client(
            String userName,
            String password,
            String accountNumber,
            String accountPin,
            String accountEntity,
            String accountCountryCode) {}

    static Client client(JsonNode root) throws MalformedException {
        return object(root, "ClientInfo", node -> {
            integer(node, "Source");
            return new Client(
                    string(node, "UserName"),
                    string(node, "Password"),
                    string(node, "AccountNumber"),
                    string(node, "AccountPin"),
                    string(node, "AccountEntity"),
                    string(node, "AccountCountryCode"));
        });
    }

    static Address address(JsonNode parent, String name) throws MalformedException {
        return object(
                parent,
                name,
                node -> new Address(string(node, "Line1"), string(node, "City"), string(node, "CountryCode")));
    }

    static Party party(JsonNode parent, String name) throws MalformedException {
        return object(parent, name, node -> {
            JsonNode contact = object(node, "Contact");
            return new Party(
                    address(node, "PartyAddress"),
                    contact != null,
                    contact == null ? null : string(contact, "PersonName"),
                    contact == null ? null : string(contact, "PhoneNumber1"));
        });
    }

    static Details details(JsonNode parent, String name) throws MalformedException {
        return object(
                parent,
                name,
                node -> new Details(
                        weight(node, "ActualWeight"),
                        weight(node, "ChargeableWeight"),
                        integer(node, "NumberOfPieces"),
                        string(node, "ProductGroup"),
                        string(node, "ProductType"),
                        string(node, "PaymentType"),
                        string(node, "DescriptionOfGoods"),
                        string(node, "GoodsOriginCountry")));
    }

    static List<Shipment> shipments(JsonNode root) throws MalformedException {
        return elements(root, "Shipments", node -> {
            if (!node.isObject()) {
                throw new MalformedException("Shipments must contain objects");
            }
            date(node, "DueDate");
            return new Shipment(
                    string(node, "Reference1"),
                    string(node, "Reference2"),
                    string(node, "Reference3"),
                    string(node, "ForeignHAWB"),
                    party(node, "Shipper"),
                    party(node, "Consignee"),
                    date(node, "ShippingDateTime"),
                    details(node, "Details"));
        });
    }

    static List<String> waybills(JsonNode root) throws MalformedException {
        return elements(root, "Shipments", node -> {
            if (!node.isValueNode() || node.isNull()) {
                throw new MalformedException("Shipments must contain waybill numbers");
            }
            return node.asText().trim();
        });
    }

    static Weight weight(JsonNode parent, String name) throws MalformedException {
        return object(parent, name, node -> new Weight(string(node, "Unit"), number(node, "Value")));
    }

    static JsonNode object(JsonNode parent, String name) throws MalformedException {
        JsonNode node = present(parent, name);
        if (node != null && !node.isObject()) {
            throw new MalformedException(name + " must be an object");
        }
        return node;
    }

    static JsonNode array(JsonNode parent, String name) throws MalformedException {
        JsonNode node = present(parent, name);
        if (node != null && !node.isArray()) {
            throw new MalformedException(name + " must be an array");
        }
        return node;
    }

    static String string(JsonNode parent, String name) throws MalformedException {
        JsonNode node = present(parent, name);
        if (node == null) {
            return null;
        }
        if (!node.isValueNode()) {
            throw new MalformedException(name + " must be a string");
        }
        return node.asText();
    }

    static Double number(JsonNode parent, String name) throws MalformedException {
        return numeric(parent, name, "a number", node -> {
            if (node.isNumber()) {
                return node.doubleValue();
            }
            return node.isTextual() ? Double.valueOf(node.asText().trim()) : null;
        });
    }

    static Integer integer(JsonNode parent, String name) throws MalformedException {
        return numeric(parent, name, "an integer", node -> {
            if (node.isIntegralNumber() && node.canConvertToInt()) {
                return node.intValue();
            }
            return node.isTextual() ? Integer.valueOf(node.asText().trim()) : null;
        });
    }

    static Instant date(JsonNode parent, String name) throws MalformedException {
        JsonNode node = present(parent, name);
        if (node == null) {
            return null;
        }
        Instant instant = node.isTextual() ? WcfDate.parse(node.asText()) : null;
        if (instant == null) {
            throw new MalformedException("DateTime content '" + node.asText()
                    + "' does not start with '\\/Date(' and end with ')\\/' as required for JSON.");
        }
        return instant;
    }

    /** Reads a member's or an element's JSON; what it cannot read makes the request malformed. */
    @FunctionalInterface
    private interface Reader<T> {
        T read(JsonNode node) throws MalformedException;
    }

    /** Object member {@code name} as {@code read} makes it, or null when absent. */
    private static <T> T object(JsonNode parent, String name, Reader<T> read) throws MalformedException {
        JsonNode node = object(parent, name);
        return node == null ? null : read.read(node);
    }

    /** The elements of array member {@code name} as {@code read} makes them, in order; none when absent. */
    private static <T> List<T> elements(JsonNode parent, String name, Reader<T> read) throws MalformedException {
        JsonNode array = array(parent, name);
        List<T> elements = new ArrayList<>();
        if (array != null) {
            for (JsonNode node : array) {
                elements.add(read.read(node));
            }
        }
        return elements;
    }

    /** Member {@code name} as {@code read} makes it, or null when absent; what {@code read} cannot make is malformed. */
    private static <T> T numeric(JsonNode parent, String name, String expected, Function<JsonNode, T> read)
            throws MalformedException {
        JsonNode node = present(parent, name);
        if (node == null) {
            return null;
        }
        return Json.readable(node, read).orElseThrow(() -> new MalformedException(name + " must be " + expected));
    }

    private static JsonNode present(JsonNode parent, String name) {
        if (parent == null) {
            return null;
        }
        JsonNode node = parent.get(name);
        return node == null || node.isNull() ? null : node;
    }
}
