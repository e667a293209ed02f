package io.haderos.shipping.application.service;

import io.haderos.shipping.application.port.in.ShipOrderCommand;
import io.haderos.shipping.application.port.out.CarrierCallObserver;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.ClientId;
import io.haderos.shipping.domain.model.LabelFormat;
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
import io.haderos.shipping.domain.testing.Requests;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

final class Fixtures {

    static final RateRequest RATE_REQUEST = Requests.QUOTE;

    static final Party WAREHOUSE = Requests.WAREHOUSE;

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
                carriers,
                new FallbackPolicy(),
                store,
                WAREHOUSE,
                clock,
                CarrierCallObserver.none(),
                Runnable::run,
                Optional.empty());
    }

    static ShipOrderCommand shipCommand(String orderId, String weightKg) {
        return new ShipOrderCommand(
                OrderId.of(orderId),
                Optional.empty(),
                Requests.CONSIGNEE,
                List.of(Parcel.of(Weight.ofKilograms(weightKg))),
                "Cotton T-shirts",
                Money.of("250.00", "SAR"),
                Money.of("0", "SAR"),
                Optional.empty(),
                SHOP,
                LabelFormat.PDF);
    }

    /** The same request as {@code command}, from {@code client} and asking for labels in {@code format}. */
    static ShipOrderCommand sameRequest(ShipOrderCommand command, ClientId client, LabelFormat format) {
        return new ShipOrderCommand(
                command.orderId(),
                command.shipper(),
                command.consignee(),
                command.parcels(),
                command.description(),
                command.declaredValue(),
                command.cashOnDelivery(),
                command.service(),
                client,
                format);
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
