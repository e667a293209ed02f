package io.haderos.shipping.domain.port.out;

/**
 * The {@link FleetOverrideStore} cannot be reached: an order cannot reach the other instances, so it is not given at
 * all.
 */
public final class FleetOverrideStoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FleetOverrideStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
