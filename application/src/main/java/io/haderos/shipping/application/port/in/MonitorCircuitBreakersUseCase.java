package io.haderos.shipping.application.port.in;

/** The state of every breaker and the alerts it raises, as of now. */
public interface MonitorCircuitBreakersUseCase {

    MonitoringReport report();
}
