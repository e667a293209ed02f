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
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.glassfish.hk2.api.Factory;
import org.glassfish.hk2.utilities.binding.AbstractBinder;

/**
 * Binds the hand-built use-case instances to the interfaces the REST resources inject. Jersey starts while the use
 * cases are still being built (beside the database, docs/architecture.md#start-up): each is looked up once, when Jersey
 * first makes a resource that injects it, and waits for the wiring to finish if need be; the listener opens only once
 * they are all built.
 */
final class UseCaseBinder extends AbstractBinder {

    private final CompletableFuture<UseCases> useCases;

    UseCaseBinder(CompletableFuture<UseCases> useCases) {
        this.useCases = useCases;
    }

    @Override
    protected void configure() {
        bindTo(QuoteRatesUseCase.class, UseCases::quoteRates);
        bindTo(ShipOrderUseCase.class, UseCases::shipOrder);
        bindTo(FindShipmentUseCase.class, UseCases::findShipment);
        bindTo(TrackShipmentUseCase.class, UseCases::trackShipment);
        bindTo(MonitorCircuitBreakersUseCase.class, UseCases::monitorCircuitBreakers);
        bindTo(ReadCircuitTransitionsUseCase.class, UseCases::readCircuitTransitions);
        bindTo(OverrideCircuitBreakerUseCase.class, UseCases::overrideCircuitBreaker);
        bindTo(ResolveShipmentUseCase.class, UseCases::resolveShipment);
        bindTo(CheckReadinessUseCase.class, UseCases::checkReadiness);
        bindTo(FetchLabelUseCase.class, UseCases::fetchLabel);
        bindTo(ListHeldOrdersUseCase.class, UseCases::listHeldOrders);
    }

    private <T> void bindTo(Class<T> port, Function<UseCases, T> useCase) {
        bindFactory(new Lookup<>(useCases, useCase)).to(port).in(Singleton.class);
    }

    /** One use case, once they are built. */
    private record Lookup<T>(CompletableFuture<UseCases> useCases, Function<UseCases, T> useCase)
            implements Factory<T> {

        @Override
        public T provide() {
            return useCase.apply(useCases.join());
        }

        @Override
        public void dispose(T instance) {
            // the gateway closes what the use cases hold
        }
    }
}
