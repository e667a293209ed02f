package io.haderos.shipping.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.haderos.shipping.domain.model.InvalidValueException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** How the tests check a refusal: an {@link InvalidValueException} naming the field at fault, as a client is told. */
public final class Refusals {

    private Refusals() {}

    /** Fails unless {@code thrown} is an {@link InvalidValueException} naming {@code field}. */
    public static void assertRefusedNaming(Throwable thrown, String field) {
        assertThat(thrown)
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    /** Fails unless {@code call} throws an {@link InvalidValueException} naming {@code field}. */
    public static void assertRefusedNaming(ThrowingCallable call, String field) {
        assertRefusedNaming(catchThrowable(call), field);
    }
}
