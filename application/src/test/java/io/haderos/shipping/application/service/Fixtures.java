package io.haderos.shipping.application.service;

import io.haderos.shipping.application.port.in.ShipOrderCommand;
import io.haderos.shipping.application.port.out.CarrierCallObserver;
import io.haderos.shipping.domain.model.Address;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.ClientId;
import io.haderos.shipping.domain.model.CountryCode;
import io.haderos.shipping.domain.model.Money;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.Parcel;
import io.haderos.shipping.domain.model.Party;
import io.haderos.shipping.domain.model.RateRequest;
import io.haderos.shipping.domain.model.Weight;
import io.haderos.shipping.domain.policy.FallbackPolicy;
import io.haderos.shipping.domain.port.out.CarrierMessage;
import io.haderos.shipping.domain.port.out.CarrierRejectedException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import io.haderos.shipping.domain.port.out.ShipmentStore;
import io.haderos.shipping.domain.port.out.ShippingCarrier;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

final class Fixtures {

    static final RateRequest RATE_REQUEST = RateRequest.of(
            Address.of(CountryCode.of("SA"), "Riyadh"),
            Address.of(CountryCode.of("AE"), "Dubai"),
            Weight.ofKilograms("1.5"));

    static final Party WAREHOUSE = new Party(
            "Fulfilment Desk",
            "HaderOS",
            "+966112345678",
            "ops@haderos.io",
            new Address(CountryCode.of("SA"), "Riyadh", "Warehouse 4, Industrial Area 2", "", "14335"));

    /** The client every command of these tests comes from, unless a test says otherwise. */
    static final ClientId SHOP = ClientId.of("shop-web");

    private Fixtures() {}

    /** Quotes with the carriers in this order, without hedging. */
    static QuoteRatesService quoteRates(List<ShippingCarrier> carriers, CarrierCallObserver observer) {
        return new QuoteRatesService(
                carriers, new FallbackPolicy(), observer, Map.of(), Executors.newSingleThreadScheduledExecutor());
    }

    /** Ships from {@link #WAREHOUSE} with the carriers in this order; store work runs on the calling thread. */
    static ShipOrderService shipOrder(List<ShippingCarrier> carriers, ShipmentStore store, Clock clock) {
        return new ShipOrderService(
                carriers, new FallbackPolicy(), store, WAREHOUSE, clock, CarrierCallObserver.none(), Runnable::run);
    }

    static ShipOrderCommand shipCommand(String orderId, String weightKg) {
        Party consignee = new Party(
                "Sara Ahmed",
                "",
                "+966551112233",
                "sara@example.com",
                new Address(CountryCode.of("SA"), "Jeddah", "Building 7, Al Olaya St", "Apt 12", "23434"));
        return new ShipOrderCommand(
                OrderId.of(orderId),
                Optional.empty(),
                consignee,
                List.of(Parcel.of(Weight.ofKilograms(weightKg))),
                "Cotton T-shirts",
                Money.of("250.00", "SAR"),
                Money.of("0", "SAR"),
                Optional.empty(),
                SHOP);
    }

    static CarrierUnavailableException fault(CarrierId carrier, Reason reason) {
        return new CarrierUnavailableException(carrier, reason, reason.name().toLowerCase());
    }

    static CarrierUnavailableException circuitOpen(CarrierId carrier, long seconds) {
        return CarrierUnavailableException.circuitOpen(carrier, Duration.ofSeconds(seconds));
    }

    static CarrierRejectedException rejected(CarrierId carrier) {
        return new CarrierRejectedException(carrier, List.of(new CarrierMessage("ERR52", "City name is invalid")));
    }
}
