package io.haderos.shipping.domain.model;

/** What happened when one carrier was asked: the outcome and a short, secret-free detail. */
public record Attempt(CarrierId carrier, AttemptOutcome outcome, String detail) {

    public Attempt {
        Checks.required(carrier, "carrier");
        Checks.required(outcome, "outcome");
        detail = detail == null ? "" : detail;
    }

    public static Attempt success(CarrierId carrier) {
        return new Attempt(carrier, AttemptOutcome.SUCCESS, "");
    }
}
