package io.haderos.shipping.domain.port.out;

/** The {@link TransitionHistory} cannot be read now: the database is away. Nothing is lost; retry later. */
public final class TransitionHistoryUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TransitionHistoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
