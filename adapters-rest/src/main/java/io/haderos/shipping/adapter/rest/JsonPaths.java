package io.haderos.shipping.adapter.rest;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the path of a field as the core names it (Java names: {@code consignee.address.postalCode},
 * {@code parcels[0].weight}) into the path a client wrote in the request's JSON ({@code consignee.address.postal_code},
 * {@code parcels[0].weight_kg}). The REST contract is snake_case; where a JSON name says more than the Java one (a
 * unit, a shorter word), the table below says so.
 */
final class JsonPaths {

    /** Java names whose JSON name is not simply their snake_case form. */
    private static final Map<String, String> RENAMED = Map.of(
            "weight", "weight_kg",
            "dimensions", "dimensions_cm",
            "cashOnDelivery", "cod",
            "trackingNumber", "tracking",
            "carrier", "provider",
            "note", "reason");

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9_]+)((\\[\\d+])*)");
    private static final Pattern UPPER = Pattern.compile("([a-z0-9])([A-Z])");

    private JsonPaths() {}

    /** {@code javaPath} with each name in its JSON form; indexes and unknown shapes are kept as they are. */
    static String of(String javaPath) {
        if (javaPath == null || javaPath.isEmpty()) {
            return javaPath;
        }
        StringBuilder json = new StringBuilder();
        for (String segment : javaPath.split("\\.", -1)) {
            if (json.length() > 0) {
                json.append('.');
            }
            Matcher matcher = SEGMENT.matcher(segment);
            if (matcher.matches()) {
                json.append(name(matcher.group(1))).append(matcher.group(2));
            } else {
                json.append(segment);
            }
        }
        return json.toString();
    }

    private static String name(String javaName) {
        String renamed = RENAMED.get(javaName);
        return renamed != null
                ? renamed
                : UPPER.matcher(javaName).replaceAll("$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
