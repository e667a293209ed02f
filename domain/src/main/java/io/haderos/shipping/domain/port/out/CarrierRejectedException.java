package io.haderos.shipping.domain.port.out;

import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A caller fault: the carrier refused the request's content (an unknown city, a missing field).
 * Not a carrier failure: breakers neither count nor reset on it, and no other carrier is tried.
 */
public final class CarrierRejectedException extends CarrierException {

    private static final long serialVersionUID = 1L;

    private final transient List<CarrierMessage> messages;

    public CarrierRejectedException(CarrierId carrier, List<CarrierMessage> messages) {
        super(carrier, carrier + " rejected the request: " + summary(messages), null);
        this.messages = List.copyOf(messages);
    }

    public List<CarrierMessage> messages() {
        return messages;
    }

    @Override
    public AttemptOutcome outcome() {
        return AttemptOutcome.REJECTED;
    }

    private static String summary(List<CarrierMessage> messages) {
        return messages.stream()
                .map(m -> m.code().isEmpty() ? m.message() : m.code() + " " + m.message())
                .collect(Collectors.joining("; "));
    }
}
