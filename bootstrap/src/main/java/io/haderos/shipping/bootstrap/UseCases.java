package io.haderos.shipping.bootstrap;

import io.haderos.shipping.application.port.in.CheckReadinessUseCase;
import io.haderos.shipping.application.port.in.FetchLabelUseCase;
import io.haderos.shipping.application.port.in.FindShipmentUseCase;
import io.haderos.shipping.application.port.in.ListHeldOrdersUseCase;
import io.haderos.shipping.application.port.in.MonitorCircuitBreakersUseCase;
import io.haderos.shipping.application.port.in.OverrideCircuitBreakerUseCase;
import io.haderos.shipping.application.port.in.QuoteRatesUseCase;
import io.haderos.shipping.application.port.in.ReadCircuitTransitionsUseCase;
import io.haderos.shipping.application.port.in.ResolveShipmentUseCase;
import io.haderos.shipping.application.port.in.ShipOrderUseCase;
import io.haderos.shipping.application.port.in.TrackShipmentUseCase;

/** The inbound ports the REST adapter is given, built by hand in {@link Gateway}. */
record UseCases(
        QuoteRatesUseCase quoteRates,
        ShipOrderUseCase shipOrder,
        FindShipmentUseCase findShipment,
        TrackShipmentUseCase trackShipment,
        MonitorCircuitBreakersUseCase monitorCircuitBreakers,
        ReadCircuitTransitionsUseCase readCircuitTransitions,
        OverrideCircuitBreakerUseCase overrideCircuitBreaker,
        ResolveShipmentUseCase resolveShipment,
        CheckReadinessUseCase checkReadiness,
        FetchLabelUseCase fetchLabel,
        ListHeldOrdersUseCase listHeldOrders) {}
