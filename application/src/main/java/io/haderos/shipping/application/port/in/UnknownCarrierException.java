package io.haderos.shipping.application.port.in;

/** No carrier of that name is configured. */
public final class UnknownCarrierException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownCarrierException(String carrier) {
        super("no carrier named '" + carrier + "' is configured");
    }
}
