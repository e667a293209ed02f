package io.haderos.shipping.sandbox;

import java.util.Objects;

/**
 * The Aramex account the Aramex stand-in accepts in the {@code ClientInfo} block of every request.
 *
 * <p>A request whose {@code ClientInfo} differs in any of these six fields (or lacks the block) is
 * answered with HTTP 200, {@code HasErrors: true} and {@code ERR01 "ClientInfo - Invalid username or
 * password"}. {@code Version} and {@code Source} are not checked. The user name is compared
 * ignoring case (it is an e-mail address); every other field exactly.
 *
 * @param userName           API user name, non-blank
 * @param password           API password, non-blank
 * @param accountNumber      account number, non-blank
 * @param accountPin         account PIN, non-blank
 * @param accountEntity      3-letter entity code such as {@code RUH}, non-blank
 * @param accountCountryCode ISO-2 country of the account such as {@code SA}, non-blank
 */
public record AramexCredentials(
        String userName,
        String password,
        String accountNumber,
        String accountPin,
        String accountEntity,
        String accountCountryCode) {

    /**
     * Validates that every field is present.
     *
     * @throws IllegalArgumentException if a field is null or blank
     */
    public AramexCredentials {
        requireText(userName, "userName");
        requireText(password, "password");
        requireText(accountNumber, "accountNumber");
        requireText(accountPin, "accountPin");
        requireText(accountEntity, "accountEntity");
        requireText(accountCountryCode, "accountCountryCode");
    }

    /**
     * The sandbox account: user {@code sandbox@haderos.io}, password {@code sandbox-password},
     * account {@code 60500123}, PIN {@code 543210}, entity {@code RUH}, country {@code SA}.
     *
     * @return the default credentials of the stand-in
     */
    public static AramexCredentials defaults() {
        return new AramexCredentials("sandbox@haderos.io", "sandbox-password", "60500123", "543210", "RUH", "SA");
    }

    /** Masks the password and the PIN, which must never reach a log. */
    @Override
    public String toString() {
        return "AramexCredentials[userName=" + userName + ", password=***, accountNumber="
                + accountNumber + ", accountPin=***, accountEntity=" + accountEntity
                + ", accountCountryCode=" + accountCountryCode + "]";
    }

    static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    boolean matches(String user, String pass, String number, String pin, String entity, String country) {
        return user != null
                && userName.equalsIgnoreCase(user.trim())
                && Objects.equals(password, pass)
                && Objects.equals(accountNumber, number)
                && Objects.equals(accountPin, pin)
                && Objects.equals(accountEntity, entity)
                && Objects.equals(accountCountryCode, country);
    }
}
