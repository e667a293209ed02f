package io.haderos.shipping.adapter.carrierhttp;

import io.haderos.shipping.domain.model.Checks;
import io.haderos.shipping.domain.model.InvalidValueException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The checks of a carrier's base URL. Every failure names the field {@code baseUrl}. */
public final class CarrierUrls {

    private CarrierUrls() {}

    /**
     * {@code baseUrl} when it is an absolute {@code http} or {@code https} URL with a host and without user info,
     * query or fragment.
     *
     * @param example          a valid URL, for the message
     * @param credentialsGoIn  where the credentials go instead of the user info, for the message
     * @throws InvalidValueException naming {@code baseUrl} otherwise
     */
    public static URI checkedBaseUrl(URI baseUrl, URI example, String credentialsGoIn) {
        Checks.required(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!baseUrl.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null) {
            throw new InvalidValueException("baseUrl", "must be an absolute http or https URL such as " + example);
        }
        if (baseUrl.getRawUserInfo() != null) {
            throw new InvalidValueException("baseUrl", "must not contain user info: " + credentialsGoIn);
        }
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new InvalidValueException("baseUrl", "must not have a query or fragment");
        }
        return baseUrl;
    }

    /**
     * The text as a URI, surrounding white space removed; null stays null (for the check to name as missing).
     *
     * @throws InvalidValueException naming {@code baseUrl} when the text is not a URI
     */
    public static URI parse(String baseUrl) {
        try {
            return baseUrl == null ? null : new URI(baseUrl.strip());
        } catch (URISyntaxException e) {
            throw new InvalidValueException("baseUrl", "is not a valid URL");
        }
    }
}
