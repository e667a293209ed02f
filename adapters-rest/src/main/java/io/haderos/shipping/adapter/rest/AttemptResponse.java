package io.haderos.shipping.adapter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.haderos.shipping.domain.model.Attempt;
import java.util.List;
import java.util.Locale;

/** {@code {"provider":"aramex","outcome":"circuit_open","detail":"…"}}; {@code detail} only when there is one. */
record AttemptResponse(
        String provider,
        String outcome,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String detail) {

    static AttemptResponse from(Attempt attempt) {
        return new AttemptResponse(
                attempt.carrier().value(), attempt.outcome().name().toLowerCase(Locale.ROOT), attempt.detail());
    }

    static List<AttemptResponse> from(List<Attempt> attempts) {
        return attempts.stream().map(AttemptResponse::from).toList();
    }
}
