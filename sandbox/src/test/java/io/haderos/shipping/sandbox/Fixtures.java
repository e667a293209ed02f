package io.haderos.shipping.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;

/** Request bodies shaped like the carriers' own examples, with the sandbox's default credentials. */
final class Fixtures {

    static final String RATE = "RateCalculator/Service_1_0.svc/json/CalculateRate";
    static final String CREATE = "Shipping/Service_1_0.svc/json/CreateShipments";
    static final String TRACK = "Tracking/Service_1_0.svc/json/TrackShipments";
    static final String PRINT = "Shipping/Service_1_0.svc/json/PrintLabel";
    static final String SMSA_KEY = SandboxSettings.DEFAULT_SMSA_API_KEY;

    /** The instant at which {@link SandboxOverHttp} stops the stand-ins' clock. */
    static final Instant NOW = Instant.parse("2025-01-01T07:00:05.530Z");

    private static final String CLIENT_INFO = """
      {"UserName": "sandbox@haderos.io", "Password": "sandbox-password", "Version": "v1.0",
       "AccountNumber": "60500123", "AccountPin": "543210", "AccountEntity": "RUH",
       "AccountCountryCode": "SA", "Source": 24}""";

    private Fixtures() {}

    static URI aramex(Sandbox sandbox, String operation) {
        return sandbox.aramexBaseUri().resolve(operation);
    }

    static URI smsa(Sandbox sandbox, String path) {
        return sandbox.smsaBaseUri().resolve(path);
    }

    static ObjectNode rateRequest() {
        return parse("""
        {"ClientInfo": %s,
         "Transaction": {"Reference1": "quote-7f3a", "Reference2": "", "Reference3": "",
                         "Reference4": "", "Reference5": ""},
         "OriginAddress": {"Line1": "King Fahd Rd 12", "City": "Riyadh", "PostCode": "12211",
                           "CountryCode": "SA"},
         "DestinationAddress": {"Line1": "Tahlia St 5", "City": "Jeddah", "CountryCode": "SA"},
         "ShipmentDetails": {
           "Dimensions": {"Length": 30, "Width": 20, "Height": 15, "Unit": "CM"},
           "ActualWeight": {"Unit": "KG", "Value": 2.5}, "ChargeableWeight": null,
           "DescriptionOfGoods": "Books", "GoodsOriginCountry": "SA", "NumberOfPieces": 1,
           "ProductGroup": "DOM", "ProductType": "ONP", "PaymentType": "P", "PaymentOptions": "",
           "CashOnDeliveryAmount": null, "Services": "", "Items": []},
         "PreferredCurrencyCode": "SAR"}""".formatted(CLIENT_INFO));
    }

    static ObjectNode createRequest() {
        return parse("""
        {"ClientInfo": %s,
         "LabelInfo": {"ReportID": 9729, "ReportType": "URL"},
         "Transaction": {"Reference1": "ORD-100245", "Reference2": "", "Reference3": "",
                         "Reference4": "", "Reference5": ""},
         "Shipments": [{
           "Reference1": "ORD-100245", "Reference2": "", "Reference3": "",
           "Shipper": {"Reference1": "ORD-100245", "AccountNumber": "60500123",
             "PartyAddress": {"Line1": "Warehouse 4, Industrial Area 2", "Line2": "", "Line3": "",
               "City": "Riyadh", "PostCode": "14335", "CountryCode": "SA"},
             "Contact": {"PersonName": "Fulfilment Desk", "CompanyName": "Example Store LLC",
               "PhoneNumber1": "+966112345678", "PhoneNumber2": "", "CellPhone": "+966501234567",
               "EmailAddress": "ops@example-store.sa", "Type": ""}},
           "Consignee": {
             "PartyAddress": {"Line1": "Building 7, Al Olaya St", "Line2": "Apt 12",
               "City": "Jeddah", "PostCode": "23434", "CountryCode": "SA"},
             "Contact": {"PersonName": "Sara Ahmed", "CompanyName": "Sara Ahmed",
               "PhoneNumber1": "+966551112233", "PhoneNumber2": "", "CellPhone": "+966551112233",
               "EmailAddress": "sara@example.com", "Type": ""}},
           "ShippingDateTime": "/Date(1735725600000+0300)/",
           "DueDate": "/Date(1736330400000+0300)/",
           "PickupLocation": "Reception", "Comments": "", "ForeignHAWB": "", "TransportType": 0,
           "Details": {
             "Dimensions": {"Length": 30, "Width": 20, "Height": 15, "Unit": "CM"},
             "ActualWeight": {"Unit": "KG", "Value": 1.2},
             "ChargeableWeight": {"Unit": "KG", "Value": 1.8},
             "DescriptionOfGoods": "Cotton T-shirts", "GoodsOriginCountry": "SA",
             "NumberOfPieces": 1, "ProductGroup": "DOM", "ProductType": "ONP",
             "PaymentType": "P", "PaymentOptions": "", "CustomsValueAmount": null,
             "CashOnDeliveryAmount": {"CurrencyCode": "SAR", "Value": 0},
             "Services": "", "Items": []}}]}""".formatted(CLIENT_INFO));
    }

    static ObjectNode trackRequest(String... waybills) {
        ObjectNode request = parse("""
        {"ClientInfo": %s,
         "Transaction": {"Reference1": "trk-1", "Reference2": "", "Reference3": "",
                         "Reference4": "", "Reference5": ""},
         "Shipments": [], "GetLastTrackingUpdateOnly": false}""".formatted(CLIENT_INFO));
        for (String waybill : waybills) {
            request.withArray("Shipments").add(waybill);
        }
        return request;
    }

    static ObjectNode printRequest(String shipmentNumber, String reportType) {
        ObjectNode request = parse("""
        {"ClientInfo": %s,
         "Transaction": {"Reference1": "print-1", "Reference2": "", "Reference3": "",
                         "Reference4": "", "Reference5": ""},
         "ProductGroup": "DOM", "OriginEntity": "RUH",
         "LabelInfo": {"ReportID": 9729, "ReportType": "URL"}}""".formatted(CLIENT_INFO));
        request.put("ShipmentNumber", shipmentNumber);
        at(request, "/LabelInfo").put("ReportType", reportType);
        return request;
    }

    static ObjectNode smsaShipment() {
        return parse("""
        {"ConsigneeAddress": {"ContactName": "Sara Ahmed", "ContactPhoneNumber": "966551112233",
           "ContactPhoneNumber2": "", "Coordinates": "21.5433,39.1728", "Country": "SA",
           "District": "Al Rawdah", "PostalCode": "23434", "City": "Jeddah",
           "AddressLine1": "Building 7, Prince Sultan St", "AddressLine2": "Apartment 12",
           "ConsigneeID": "", "ShortCode": ""},
         "ShipperAddress": {"ContactName": "Example Store LLC", "ContactPhoneNumber": "966112345678",
           "Coordinates": "24.7136,46.6753", "Country": "SA", "District": "Al Sulay",
           "PostalCode": "14335", "City": "Riyadh",
           "AddressLine1": "Warehouse 4, Industrial Area 2", "AddressLine2": ""},
         "OrderNumber": "ORD-100245", "DeclaredValue": 250.0, "CODAmount": 0, "Parcels": 1,
         "ShipDate": "2025-01-01T10:00:00", "ShipmentCurrency": "SAR", "SMSARetailID": "0",
         "WaybillType": "PDF", "Weight": 1.2, "WeightUnit": "KG",
         "ContentDescription": "Cotton T-shirts", "VatPaid": true, "DutyPaid": false,
         "ServiceCode": "EDDL"}""");
    }

    static ObjectNode at(JsonNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) TestHttp.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
