package io.haderos.shipping.domain.port.out;

/**
 * The {@link ShipmentStore} cannot be reached. Nothing may be shipped without it: it is what keeps an order
 * from being shipped twice.
 */
public final class ShipmentStoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ShipmentStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
