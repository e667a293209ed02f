package io.haderos.shipping.domain.testing;

import io.haderos.shipping.domain.model.Address;
import io.haderos.shipping.domain.model.CountryCode;
import io.haderos.shipping.domain.model.LabelFormat;
import io.haderos.shipping.domain.model.Money;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.Parcel;
import io.haderos.shipping.domain.model.Party;
import io.haderos.shipping.domain.model.RateRequest;
import io.haderos.shipping.domain.model.ShipmentRequest;
import io.haderos.shipping.domain.model.Weight;
import java.util.List;
import java.util.Optional;

/** Valid requests for tests that need one but do not care what is in it. */
public final class Requests {

    public static final RateRequest QUOTE = RateRequest.of(
            Address.of(CountryCode.of("SA"), "Riyadh"),
            Address.of(CountryCode.of("AE"), "Dubai"),
            Weight.ofKilograms("1.5"));

    /** The shipper of every test shipment: a Riyadh warehouse. */
    public static final Party WAREHOUSE = new Party(
            "Fulfilment Desk",
            "HaderOS",
            "+966112345678",
            "ops@haderos.io",
            new Address(CountryCode.of("SA"), "Riyadh", "Warehouse 4, Industrial Area 2", "", "14335"));

    /** The consignee of every test shipment, in Jeddah. */
    public static final Party CONSIGNEE = new Party(
            "Sara Ahmed",
            "",
            "+966551112233",
            "sara@example.com",
            new Address(CountryCode.of("SA"), "Jeddah", "Building 7, Al Olaya St", "Apt 12", "23434"));

    private Requests() {}

    /** A one-parcel shipment from {@link #WAREHOUSE} to {@link #CONSIGNEE}. */
    public static ShipmentRequest shipment(String orderId) {
        return new ShipmentRequest(
                OrderId.of(orderId),
                WAREHOUSE,
                CONSIGNEE,
                List.of(Parcel.of(Weight.ofKilograms("1.2"))),
                "Cotton T-shirts",
                Money.of("250.00", "SAR"),
                Money.of("0", "SAR"),
                Optional.empty(),
                LabelFormat.PDF);
    }
}
