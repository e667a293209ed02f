package io.haderos.shipping.bootstrap;

import io.haderos.shipping.application.port.out.CarrierCallObserver;
import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.policy.CarrierOperation;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

/**
 * One log line per carrier call, carrying the request's context (request id, order id) to the thread that reports
 * it, plus {@code carrier} and {@code operation}. A call that changes something at the carrier (a shipment) and every
 * failed call log at INFO; answered quotes and tracking at DEBUG, since they come by the thousand.
 */
final class CarrierCallLog implements CarrierCallObserver {

    private static final Logger LOG = LoggerFactory.getLogger(CarrierCallLog.class);

    /** The diagnostic context of the thread that started the calls; empty when it had none. */
    private final Map<String, String> context;

    CarrierCallLog() {
        this(Map.of());
    }

    private CarrierCallLog(Map<String, String> context) {
        this.context = context;
    }

    @Override
    public CarrierCallObserver boundToCaller() {
        Map<String, String> callers = MDC.getCopyOfContextMap();
        return callers == null || callers.isEmpty() ? this : new CarrierCallLog(callers);
    }

    @Override
    public void called(CarrierId carrier, CarrierOperation operation, AttemptOutcome outcome, Duration elapsed) {
        boolean quiet = outcome == AttemptOutcome.SUCCESS && operation.isSafeToRepeat();
        Level level = quiet ? Level.DEBUG : Level.INFO;
        if (LOG.isEnabledForLevel(level)) {
            log(
                    carrier,
                    operation,
                    () -> LOG.atLevel(level)
                            .addKeyValue("outcome", name(outcome))
                            .addKeyValue("elapsed_ms", elapsed.toMillis())
                            .log(
                                    "carrier {} {}: {} after {} ms",
                                    carrier,
                                    name(operation),
                                    name(outcome),
                                    elapsed.toMillis()));
        }
    }

    @Override
    public void fellBack(CarrierOperation operation, CarrierId from, CarrierId to) {
        if (LOG.isInfoEnabled()) {
            log(from, operation, () -> LOG.info("carrier {} could not serve {}: asking {}", from, name(operation), to));
        }
    }

    @Override
    public void hedged(CarrierId from, CarrierId to, Optional<CarrierId> winner) {
        if (LOG.isDebugEnabled()) {
            log(
                    from,
                    CarrierOperation.QUOTE_RATES,
                    () -> LOG.debug(
                            "carrier {} had not answered within its hedge delay: asked {} too; {}",
                            from,
                            to,
                            winner.map(id -> id + " answered first").orElse("neither answered usably")));
        }
    }

    /** Logs with the caller's context and the carrier's on this thread, then puts this thread's own back. */
    private void log(CarrierId carrier, CarrierOperation operation, Runnable line) {
        Map<String, String> own = MDC.getCopyOfContextMap();
        try {
            MDC.setContextMap(context);
            MDC.put("carrier", carrier.value());
            MDC.put("operation", name(operation));
            line.run();
        } finally {
            if (own == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(own);
            }
        }
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
