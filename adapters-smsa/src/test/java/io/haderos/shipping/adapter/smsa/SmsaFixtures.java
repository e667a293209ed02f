package io.haderos.shipping.adapter.smsa;

import io.haderos.shipping.domain.model.Address;
import io.haderos.shipping.domain.model.CountryCode;
import io.haderos.shipping.domain.model.Money;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.Parcel;
import io.haderos.shipping.domain.model.Party;
import io.haderos.shipping.domain.model.RateRequest;
import io.haderos.shipping.domain.model.ShipmentRequest;
import io.haderos.shipping.domain.model.Weight;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;

/** Requests and SMSA replies shared by the tests; the replies follow CARRIERS.md §3.6. */
final class SmsaFixtures {

    static final String API_KEY = "k3y-Very-Secret-0042";

    static final CountryCode SA = CountryCode.of("SA");
    static final CountryCode AE = CountryCode.of("AE");

    static final Party SHIPPER = new Party(
            "Omar Store Manager",
            "Example Store LLC",
            "+966 11 234 5678",
            "",
            new Address(SA, "Riyadh", "Warehouse 4, Industrial Area 2", "", "14335"));
    static final Party CONSIGNEE = new Party(
            "Sara Ahmed",
            "",
            "0551112233",
            "sara@example.com",
            new Address(SA, "Jeddah", "Building 7, Prince Sultan St", "Apartment 12", "23434"));

    static final String CREATED = """
            {"sawb": "231200000001", "createDate": "2025-01-01T10:00:05", "shipmentParcelsCount": 2,
             "waybills": [{"awb": "231200000002", "awbFile": "JVBERi0xLjQKJcfs..."},
                          {"awb": "231200000003", "awbFile": "JVBERi0xLjQKJcfs..."}]}
            """;

    static final String VALIDATION_ERRORS = """
            {"type": "https://tools.ietf.org/html/rfc7231#section-6.5.1",
             "title": "One or more validation errors occurred.", "status": 400,
             "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00",
             "errors": {"ConsigneeAddress.AddressLine1": ["AddressLine1 must be between 10 and 100 characters."],
                        "ConsigneeAddress.City": ["The City field is required.", "City must be 3 to 50 characters."]}}
            """;

    static final String TRACKING = """
            {"AWB": "231200000001", "Reference": "ORD-100245", "Pieces": 1, "CODAmount": 0,
             "ContentDesc": "Cotton T-shirts", "RecipientName": "Sara Ahmed",
             "OriginCity": "Riyadh", "OriginCountry": "SA", "DesinationCity": "Jeddah", "DesinationCountry": "SA",
             "isDelivered": false,
             "Scans": [
               {"ReferenceID": "", "ReceivedBy": "", "City": "Jeddah", "ScanType": "OD",
                "ScanDescription": "Out for Delivery", "ScanDateTime": "2025-01-02T09:15:00", "ScanTimeZone": "+03:00"},
               {"ReferenceID": "", "ReceivedBy": "", "City": "Riyadh", "ScanType": "PU",
                "ScanDescription": "Picked Up", "ScanDateTime": "2025-01-01T16:40:12.53", "ScanTimeZone": "+03:00"}]}
            """;

    static final String DELIVERED = """
            {"AWB": "231200000009", "isDelivered": true,
             "Scans": [{"City": "Dubai", "ScanType": "DL", "ScanDescription": "Delivered",
                        "ScanDateTime": "2025-01-05T11:02:03.1234567", "ScanTimeZone": "+04:00"}]}
            """;

    private SmsaFixtures() {}

    static ShipmentRequest shipment() {
        return shipment(CONSIGNEE, Optional.empty());
    }

    static ShipmentRequest shipment(Party consignee, Optional<String> service) {
        return new ShipmentRequest(
                OrderId.of("ORD-100245"),
                SHIPPER,
                consignee,
                List.of(Parcel.of(Weight.ofKilograms("1.2")), Parcel.of(Weight.ofKilograms("0.8"))),
                "Cotton T-shirts",
                Money.of("250.00", "SAR"),
                Money.of("0", "SAR"),
                service);
    }

    static Party consigneeIn(CountryCode country, String city, String phone) {
        return new Party(
                "Sara Ahmed", "", phone, "", new Address(country, city, "Building 7, Prince Sultan St", "", ""));
    }

    static RateRequest rate(CountryCode fromCountry, String fromCity, CountryCode toCountry, String toCity, String kg) {
        return RateRequest.of(Address.of(fromCountry, fromCity), Address.of(toCountry, toCity), Weight.ofKilograms(kg));
    }

    /** A loopback port where nothing listens (it was free a moment ago). */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
