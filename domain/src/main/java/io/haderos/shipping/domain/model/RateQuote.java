package io.haderos.shipping.domain.model;

/** One price offered by a carrier for one of its services. */
public record RateQuote(CarrierId carrier, String service, Money price) {

    public RateQuote {
        Checks.required(carrier, "carrier");
        service = Checks.text(service, "service", 40);
        Checks.required(price, "price");
    }
}
