package io.haderos.shipping.adapter.aramex;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The Aramex JSON data contracts this adapter sends and reads: {@code ClientInfo}, and the requests and replies
 * of rate calculation, shipment creation and tracking.
 *
 * <p>Component names become the wire's PascalCase names through the mapper's naming strategy
 * ({@code clientInfo} → {@code ClientInfo}); {@link AramexJson} also lets every list accept the wrapper
 * objects that SOAP-derived integrations show. Null components are left out of requests.
 */
final class AramexWire {

    private AramexWire() {}

    // ----------------------------------------------------------------------------------------- requests

    /** Credentials, in every request body. {@link #toString()} hides the password and PIN. */
    record ClientInfo(
            String userName,
            String password,
            String version,
            String accountNumber,
            String accountPin,
            String accountEntity,
            String accountCountryCode,
            Integer source) {

        @Override
        public String toString() {
            return "ClientInfo[userName=" + userName + ", password=***, accountNumber=" + accountNumber
                    + ", accountPin=***, accountEntity=" + accountEntity + "]";
        }
    }

    record Transaction(String reference1, String reference2, String reference3, String reference4, String reference5) {

        static Transaction of(String reference1) {
            return new Transaction(reference1, "", "", "", "");
        }
    }

    record Address(
            String line1,
            String line2,
            String line3,
            String city,
            String stateOrProvinceCode,
            String postCode,
            String countryCode) {}

    record Weight(String unit, BigDecimal value) {

        static Weight kilograms(BigDecimal value) {
            return new Weight("KG", value);
        }
    }

    record Dimensions(BigDecimal length, BigDecimal width, BigDecimal height, String unit) {}

    record Money(String currencyCode, BigDecimal value) {}

    record ShipmentDetails(
            Dimensions dimensions,
            Weight actualWeight,
            String descriptionOfGoods,
            String goodsOriginCountry,
            int numberOfPieces,
            String productGroup,
            String productType,
            String paymentType,
            String paymentOptions,
            Money customsValueAmount,
            Money cashOnDeliveryAmount,
            String services) {}

    record RateCalculatorRequest(
            ClientInfo clientInfo,
            Transaction transaction,
            Address originAddress,
            Address destinationAddress,
            ShipmentDetails shipmentDetails,
            String preferredCurrencyCode) {}

    record LabelInfo(int reportID, String reportType) {}

    record Contact(
            String personName,
            String companyName,
            String phoneNumber1,
            String phoneNumber2,
            String cellPhone,
            String emailAddress,
            String type) {}

    record Party(String reference1, String accountNumber, Address partyAddress, Contact contact) {}

    record Shipment(
            String reference1,
            String reference2,
            String reference3,
            Party shipper,
            Party consignee,
            String shippingDateTime,
            String comments,
            @JsonProperty("ForeignHAWB") String foreignHawb,
            ShipmentDetails details) {}

    record ShipmentCreationRequest(
            ClientInfo clientInfo, LabelInfo labelInfo, Transaction transaction, List<Shipment> shipments) {}

    record ShipmentTrackingRequest(
            ClientInfo clientInfo,
            Transaction transaction,
            List<String> shipments,
            @JsonProperty("GetLastTrackingUpdateOnly") boolean lastUpdateOnly) {}

    // ------------------------------------------------------------------------------------------ replies

    /** What every reply carries. {@code hasErrors} is null only in a reply of the wrong shape. */
    interface Reply {

        Boolean hasErrors();

        List<Notification> notifications();
    }

    record Notification(String code, String message) {

        Notification {
            code = Objects.requireNonNullElse(code, "").strip();
            message = Objects.requireNonNullElse(message, "").strip();
        }
    }

    record RateCalculatorResponse(Boolean hasErrors, List<Notification> notifications, Money totalAmount)
            implements Reply {

        RateCalculatorResponse {
            notifications = present(notifications);
        }
    }

    /** A label as a link ({@code LabelURL}), as base64 bytes ({@code LabelFileContents}), or both. */
    record ShipmentLabel(
            @JsonProperty("LabelURL") String labelUrl,
            @JsonProperty("LabelFileContents") String labelFileContents) {}

    /** {@code PrintLabel}: a created shipment's label again. */
    record LabelPrintingRequest(
            ClientInfo clientInfo,
            Transaction transaction,
            String shipmentNumber,
            String productGroup,
            String originEntity,
            LabelInfo labelInfo) {}

    record LabelPrintingResponse(
            Boolean hasErrors, List<Notification> notifications, String shipmentNumber, ShipmentLabel shipmentLabel)
            implements Reply {

        LabelPrintingResponse {
            notifications = present(notifications);
        }
    }

    record ProcessedShipment(
            @JsonProperty("ID") String id,
            Boolean hasErrors,
            List<Notification> notifications,
            ShipmentLabel shipmentLabel) {

        ProcessedShipment {
            notifications = present(notifications);
        }
    }

    record ShipmentCreationResponse(
            Boolean hasErrors, List<Notification> notifications, List<ProcessedShipment> shipments) implements Reply {

        ShipmentCreationResponse {
            notifications = present(notifications);
            shipments = present(shipments);
        }
    }

    record TrackingResult(
            String waybillNumber,
            String updateCode,
            String updateDescription,
            String updateDateTime,
            String updateLocation,
            String comments) {}

    /** One {@code {"Key": awb, "Value": [...]}} entry: how WCF renders a dictionary. */
    record TrackingEntry(String key, List<TrackingResult> value) {

        TrackingEntry {
            value = present(value);
        }
    }

    record ShipmentTrackingResponse(
            Boolean hasErrors,
            List<Notification> notifications,
            List<TrackingEntry> trackingResults,
            List<String> nonExistingWaybills)
            implements Reply {

        ShipmentTrackingResponse {
            notifications = present(notifications);
            trackingResults = present(trackingResults);
            nonExistingWaybills = present(nonExistingWaybills);
        }
    }

    /** Absent or null lists and null entries mean "nothing". */
    private static <T> List<T> present(List<T> values) {
        return values == null
                ? List.of()
                : values.stream().filter(Objects::nonNull).toList();
    }
}
