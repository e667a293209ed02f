package io.haderos.shipping.adapter.smsa;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.List;

/**
 * The SMSA eCom API's JSON this adapter sends and reads, field for field: the B2C shipment creation request and
 * reply, and the tracking reply. Names, and the misspellings, are SMSA's. Replies are read leniently by
 * {@link SmsaJson}: unknown fields are ignored, names match in any case.
 */
final class SmsaWire {

    private SmsaWire() {}

    /** {@code POST /api/shipment/b2c/new}. */
    @JsonPropertyOrder({
        "ConsigneeAddress",
        "ShipperAddress",
        "OrderNumber",
        "DeclaredValue",
        "CODAmount",
        "Parcels",
        "ShipDate",
        "ShipmentCurrency",
        "SMSARetailID",
        "WaybillType",
        "Weight",
        "WeightUnit",
        "ContentDescription",
        "VatPaid",
        "DutyPaid",
        "ServiceCode"
    })
    record B2cShipment(
            @JsonProperty("ConsigneeAddress") B2cAddress consigneeAddress,
            @JsonProperty("ShipperAddress") B2cAddress shipperAddress,
            @JsonProperty("OrderNumber") String orderNumber,
            @JsonProperty("DeclaredValue") BigDecimal declaredValue,
            @JsonProperty("CODAmount") BigDecimal codAmount,
            @JsonProperty("Parcels") int parcels,
            @JsonProperty("ShipDate") String shipDate,
            @JsonProperty("ShipmentCurrency") String shipmentCurrency,
            @JsonProperty("SMSARetailID") String smsaRetailId,
            @JsonProperty("WaybillType") String waybillType,
            @JsonProperty("Weight") BigDecimal weight,
            @JsonProperty("WeightUnit") String weightUnit,
            @JsonProperty("ContentDescription") String contentDescription,
            @JsonProperty("VatPaid") boolean vatPaid,
            @JsonProperty("DutyPaid") boolean dutyPaid,
            @JsonProperty("ServiceCode") String serviceCode) {}

    /** {@code ConsigneeAddress} and {@code ShipperAddress}; the shipper has no ID nor short code (null = left out). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({
        "ContactName",
        "ContactPhoneNumber",
        "ContactPhoneNumber2",
        "Coordinates",
        "Country",
        "District",
        "PostalCode",
        "City",
        "AddressLine1",
        "AddressLine2",
        "ConsigneeID",
        "ShortCode"
    })
    record B2cAddress(
            @JsonProperty("ContactName") String contactName,
            @JsonProperty("ContactPhoneNumber") String contactPhoneNumber,
            @JsonProperty("ContactPhoneNumber2") String contactPhoneNumber2,
            @JsonProperty("Coordinates") String coordinates,
            @JsonProperty("Country") String country,
            @JsonProperty("District") String district,
            @JsonProperty("PostalCode") String postalCode,
            @JsonProperty("City") String city,
            @JsonProperty("AddressLine1") String addressLine1,
            @JsonProperty("AddressLine2") String addressLine2,
            @JsonProperty("ConsigneeID") String consigneeId,
            @JsonProperty("ShortCode") String shortCode) {}

    /** The 200 reply to a create: {@code sawb} and one waybill per parcel. */
    record B2cCreated(
            @JsonProperty("sawb") String sawb,
            @JsonProperty("createDate") String createDate,
            @JsonProperty("shipmentParcelsCount") Integer shipmentParcelsCount,
            @JsonProperty("waybills") List<Waybill> waybills) {}

    /** One parcel's waybill; {@code awbFile} is the base64 label. */
    record Waybill(
            @JsonProperty("awb") String awb,
            @JsonProperty("awbFile") String awbFile) {}

    /** {@code GET /api/track/single/{awb}}, and each element of the bulk reply. */
    record Tracking(
            @JsonProperty("AWB") String awb,
            @JsonProperty("Reference") String reference,
            @JsonProperty("isDelivered") Boolean isDelivered,
            @JsonProperty("Scans") List<Scan> scans) {}

    /** One scan: a status code, local time plus a separate offset. */
    record Scan(
            @JsonProperty("ReferenceID") String referenceId,
            @JsonProperty("ReceivedBy") String receivedBy,
            @JsonProperty("City") String city,
            @JsonProperty("ScanType") String scanType,
            @JsonProperty("ScanDescription") String scanDescription,
            @JsonProperty("ScanDateTime") String scanDateTime,
            @JsonProperty("ScanTimeZone") String scanTimeZone) {}
}
