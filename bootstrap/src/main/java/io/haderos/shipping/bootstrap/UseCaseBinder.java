package io.haderos.shipping.bootstrap;

import io.haderos.shipping.application.port.in.CheckReadinessUseCase;
import io.haderos.shipping.application.port.in.FetchLabelUseCase;
import io.haderos.shipping.application.port.in.FindShipmentUseCase;
import io.haderos.shipping.application.port.in.MonitorCircuitBreakersUseCase;
import io.haderos.shipping.application.port.in.OverrideCircuitBreakerUseCase;
import io.haderos.shipping.application.port.in.QuoteRatesUseCase;
import io.haderos.shipping.application.port.in.ReadCircuitTransitionsUseCase;
import io.haderos.shipping.application.port.in.ResolveShipmentUseCase;
import io.haderos.shipping.application.port.in.ShipOrderUseCase;
import io.haderos.shipping.application.port.in.TrackShipmentUseCase;
import org.glassfish.hk2.utilities.binding.AbstractBinder;

/** Binds the hand-built use-case instances to the interfaces the REST resources inject. */
final class UseCaseBinder extends AbstractBinder {

    private final UseCases useCases;

    UseCaseBinder(UseCases useCases) {
        this.useCases = useCases;
    }

    @Override
    protected void configure() {
        bind(useCases.quoteRates()).to(QuoteRatesUseCase.class);
        bind(useCases.shipOrder()).to(ShipOrderUseCase.class);
        bind(useCases.findShipment()).to(FindShipmentUseCase.class);
        bind(useCases.trackShipment()).to(TrackShipmentUseCase.class);
        bind(useCases.monitorCircuitBreakers()).to(MonitorCircuitBreakersUseCase.class);
        bind(useCases.readCircuitTransitions()).to(ReadCircuitTransitionsUseCase.class);
        bind(useCases.overrideCircuitBreaker()).to(OverrideCircuitBreakerUseCase.class);
        bind(useCases.resolveShipment()).to(ResolveShipmentUseCase.class);
        bind(useCases.checkReadiness()).to(CheckReadinessUseCase.class);
        bind(useCases.fetchLabel()).to(FetchLabelUseCase.class);
    }
}
