package io.haderos.shipping.adapter.aramex;

/**
 * The Aramex JSON operations this adapter uses, each with its path below the base URL, and the download of a label
 * file from the link Aramex gave (no path of its own).
 */
enum AramexOperation {
    CALCULATE_RATE("CalculateRate", "RateCalculator/Service_1_0.svc/json/CalculateRate"),
    CREATE_SHIPMENTS("CreateShipments", "Shipping/Service_1_0.svc/json/CreateShipments"),
    TRACK_SHIPMENTS("TrackShipments", "Tracking/Service_1_0.svc/json/TrackShipments"),
    PRINT_LABEL("PrintLabel", "Shipping/Service_1_0.svc/json/PrintLabel"),
    DOWNLOAD_LABEL("the label download", "");

    private final String wireName;
    private final String path;

    AramexOperation(String wireName, String path) {
        this.wireName = wireName;
        this.path = path;
    }

    /** Relative to a base URL that ends with a slash. */
    String path() {
        return path;
    }

    /** The operation's name as Aramex spells it, for messages. */
    @Override
    public String toString() {
        return wireName;
    }
}
