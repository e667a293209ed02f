package io.haderos.shipping.adapter.rest;

import static io.haderos.shipping.adapter.rest.CircuitStateOverrideIT.ARAMEX_STATE;
import static io.haderos.shipping.adapter.rest.CircuitStateOverrideIT.FORCE_OPEN;
import static io.haderos.shipping.adapter.rest.RestApiExtension.JSON;
import static io.haderos.shipping.adapter.rest.RestApiExtension.PROBLEM_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.adapter.rest.RestApiExtension.Reply;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No {@code admin.token} configured ({@code new ShippingRestApi(Optional.empty())}): every operator action is refused with 403. */
class OperatorActionsDisabledIT {

    @RegisterExtension
    static final RestApiExtension api = new RestApiExtension();

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer anything", "Bearer ", "Basic b3BzOnNlY3JldA=="})
    void givenNoTokenConfigured_whenOverridingWithAnyAuthorization_then403SayingOverridesAreDisabled(
            String authorization) {
        Reply reply = authorization.isEmpty()
                ? api.send("PUT", ARAMEX_STATE, JSON, FORCE_OPEN)
                : api.send("PUT", ARAMEX_STATE, JSON, FORCE_OPEN, "Authorization", authorization);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.mediaType()).isEqualTo(PROBLEM_JSON);
        assertThat(reply.json().get("detail").asText())
                .isEqualTo("operator overrides are disabled: no admin.token is configured");
        assertThat(api.fakes().received()).isEmpty();
    }

    @Test
    void givenABlankToken_thenOperatorActionsAreDisabledToo() {
        assertThat(new ShippingRestApi(java.util.Optional.of("  ")).operatorActionsEnabled())
                .isFalse();
        assertThat(new ShippingRestApi(Optional.empty()).operatorActionsEnabled())
                .isFalse();
        assertThat(new ShippingRestApi(java.util.Optional.of("t")).operatorActionsEnabled())
                .isTrue();
    }
}
