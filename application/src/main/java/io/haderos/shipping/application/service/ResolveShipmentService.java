package io.haderos.shipping.application.service;

import io.haderos.shipping.application.port.in.OrderConflictException;
import io.haderos.shipping.application.port.in.OrderNotFoundException;
import io.haderos.shipping.application.port.in.ResolveShipmentCommand;
import io.haderos.shipping.application.port.in.ResolveShipmentUseCase;
import io.haderos.shipping.domain.model.Attempt;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.InvalidValueException;
import io.haderos.shipping.domain.model.ShipmentRecord;
import io.haderos.shipping.domain.model.ShipmentResolution;
import io.haderos.shipping.domain.port.out.ShipmentStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** Records an operator's resolution of a held order; the store applies it only if the order is still held. */
public final class ResolveShipmentService implements ResolveShipmentUseCase {

    private final ShipmentStoreWork storeWork;

    /** @param storeExecutor the bounded executor for the store's blocking calls */
    public ResolveShipmentService(ShipmentStore store, Clock clock, Executor storeExecutor) {
        this.storeWork = new ShipmentStoreWork(store, clock, storeExecutor);
    }

    @Override
    public CompletionStage<ShipmentRecord> resolve(ResolveShipmentCommand command) {
        return storeWork.supply((store, now) -> resolveNow(store, now, command));
    }

    private static ShipmentRecord resolveNow(ShipmentStore store, Instant now, ResolveShipmentCommand command) {
        ShipmentRecord held =
                store.find(command.orderId()).orElseThrow(() -> new OrderNotFoundException(command.orderId()));
        if (!held.awaitsResolution(now)) {
            throw notHeld(command);
        }
        Optional<CreatedShipment> found = command.trackingNumber()
                .map(tracking -> new CreatedShipment(
                        command.carrier().orElseGet(() -> carrierAsked(held)), tracking, List.of()));
        return store.resolve(command.orderId(), new ShipmentResolution(found, command.actor(), command.note(), now))
                .orElseThrow(() -> notHeld(command));
    }

    /** The carrier whose outcome is unknown: the last one asked. */
    private static CarrierId carrierAsked(ShipmentRecord held) {
        List<Attempt> attempts = held.attempts();
        if (attempts.isEmpty()) {
            throw new InvalidValueException("carrier", "is required: the record does not say which carrier was asked");
        }
        return attempts.get(attempts.size() - 1).carrier();
    }

    private static OrderConflictException notHeld(ResolveShipmentCommand command) {
        return new OrderConflictException(command.orderId(), OrderConflictException.Reason.NOT_AWAITING_RESOLUTION);
    }
}
