package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.model.Attempt;
import io.haderos.shipping.domain.port.out.CarrierRejectedException;
import java.util.List;

/** A carrier rejected the request's content (a caller fault): fix the request, do not retry as is. */
public final class RequestRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient CarrierRejectedException rejection;
    private final transient List<Attempt> attempts;

    public RequestRejectedException(CarrierRejectedException rejection, List<Attempt> attempts) {
        super(rejection.getMessage(), rejection);
        this.rejection = rejection;
        this.attempts = List.copyOf(attempts);
    }

    public CarrierRejectedException rejection() {
        return rejection;
    }

    public List<Attempt> attempts() {
        return attempts;
    }
}
