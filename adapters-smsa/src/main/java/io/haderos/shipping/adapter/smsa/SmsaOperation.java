package io.haderos.shipping.adapter.smsa;

/** The SMSA eCom operations this adapter uses, each with its HTTP method and its path below the base URL. */
enum SmsaOperation {
    CREATE_B2C_SHIPMENT("POST", "/api/shipment/b2c/new"),
    /** The AWB follows the path as its last segment. */
    TRACK_SINGLE("GET", "/api/track/single/"),
    TRACK_BULK("POST", "/api/track/bulk/"),
    /** The shipment as created, labels included; the AWB follows the path as its last segment. */
    QUERY_B2C_SHIPMENT("GET", "/api/shipment/b2c/query/"),
    /** The merchant's reference (our order id) follows the path as its last segment. */
    TRACK_REFERENCE("GET", "/api/track/reference/");

    private final String method;
    private final String path;

    SmsaOperation(String method, String path) {
        this.method = method;
        this.path = path;
    }

    String method() {
        return method;
    }

    /** Relative to a base URL without a trailing slash. */
    String path() {
        return path;
    }

    /** The operation as SMSA's documentation writes it, for messages: {@code POST /api/shipment/b2c/new}. */
    @Override
    public String toString() {
        return method + " " + path;
    }
}
