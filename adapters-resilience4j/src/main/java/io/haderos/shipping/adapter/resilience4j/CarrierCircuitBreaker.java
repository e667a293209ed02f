package io.haderos.shipping.adapter.resilience4j;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import io.haderos.shipping.domain.circuit.ConfigurationFault;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.port.out.CarrierConfigurationException;
import io.haderos.shipping.domain.port.out.CarrierException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.CircuitTransitionListener;
import io.haderos.shipping.domain.port.out.ShippingCarrier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One carrier's circuit breaker with the semantics of DESIGN.md §3, on top of resilience4j.
 *
 * <p>resilience4j alone cannot express §3: its HALF_OPEN state decides once, after all permitted calls.
 * This class configures a COUNT_BASED window of {@code failureThreshold} calls that opens at a 100 % failure
 * rate (that is, N consecutive faults), lets {@code successThreshold} trial calls through when half-open,
 * reopens at the first trial fault, and ignores caller and configuration faults entirely. It also keeps
 * the consecutive counts that monitoring reports, and publishes every transition as a
 * {@link CircuitStateChanged} with a per-carrier sequence.
 *
 * <p>Time comes from the {@link Clock} given at creation, so tests move time instead of sleeping.
 * Thread-safe. Listeners run on the calling thread and must return at once.
 */
public final class CarrierCircuitBreaker {

    /** The longest cause a {@link CircuitStateChanged} holds. */
    private static final int MAX_CAUSE = 500;

    private final CarrierId carrier;
    private final CircuitBreakerSettings settings;
    private final Clock clock;
    private final CircuitTransitionListener listener;
    private final CircuitBreaker breaker;
    private final AtomicLong sequence = new AtomicLong();

    private int failureCount;
    private int successCount;
    private Instant lastFailureTime;
    private String lastFailure = "";
    private Instant stateSince;
    private ConfigurationFault configurationFault;
    private Override pendingOverride;

    private CarrierCircuitBreaker(
            CarrierId carrier, CircuitBreakerSettings settings, Clock clock, CircuitTransitionListener listener) {
        this.carrier = Objects.requireNonNull(carrier, "carrier");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.stateSince = clock.instant();
        this.breaker = CircuitBreaker.of(carrier.value(), resilience4jConfig(settings, clock));
        this.breaker.getEventPublisher().onStateTransition(this::publish);
    }

    /**
     * A CLOSED breaker for {@code carrier}.
     *
     * @param listener receives every transition on the calling thread; must not block or throw
     */
    public static CarrierCircuitBreaker create(
            CarrierId carrier, CircuitBreakerSettings settings, Clock clock, CircuitTransitionListener listener) {
        return new CarrierCircuitBreaker(carrier, settings, clock, listener);
    }

    /** A CLOSED breaker on the system clock that publishes its transitions nowhere. */
    public static CarrierCircuitBreaker create(CarrierId carrier, CircuitBreakerSettings settings) {
        return create(carrier, settings, Clock.systemUTC(), CircuitTransitionListener.none());
    }

    public CarrierId carrier() {
        return carrier;
    }

    public CircuitBreakerSettings settings() {
        return settings;
    }

    /**
     * Runs {@code call} if the breaker permits it, and counts its outcome.
     *
     * <p>{@link CarrierUnavailableException} and unexpected exceptions count as carrier faults; other
     * {@link CarrierException}s (the carrier rejected our data or credentials) are neither faults nor
     * successes.
     *
     * @throws CarrierUnavailableException with reason {@code CIRCUIT_OPEN}, without running {@code call},
     *                                     when the breaker does not permit it
     */
    public <T> T call(Supplier<T> call) {
        acquirePermission();
        long start = breaker.getCurrentTimestamp();
        T result;
        try {
            result = call.get();
        } catch (RuntimeException | Error failure) {
            onFailure(failure, breaker.getCurrentTimestamp() - start);
            throw failure;
        }
        onSuccess(breaker.getCurrentTimestamp() - start);
        return result;
    }

    /**
     * Runs {@code call}, which does not reach the carrier (a local tariff lookup, for instance), only while the
     * breaker lets calls through, and counts nothing: such a call proves nothing about the carrier's health, so
     * it neither resets the failure count nor uses a half-open trial.
     *
     * @throws CarrierUnavailableException with reason {@code CIRCUIT_OPEN}, without running {@code call}, while
     *                                     the breaker is OPEN (before its trial is due) or FORCED_OPEN
     */
    public <T> T callUncounted(Supplier<T> call) {
        CircuitSnapshot now = snapshot();
        if (!now.canServe()) {
            throw CarrierUnavailableException.circuitOpen(
                    carrier, now.state() == CircuitState.OPEN ? now.retryAfter() : settings.recoveryTimeout());
        }
        return call.get();
    }

    /** {@code carrier} with every call passing through this breaker. */
    public ShippingCarrier guard(ShippingCarrier carrier) {
        if (!carrier.id().equals(this.carrier)) {
            throw new IllegalArgumentException("breaker for " + this.carrier + " cannot guard " + carrier.id());
        }
        return new CircuitBreakingShippingCarrier(carrier, this);
    }

    /** The breaker's state and counts as of now. */
    public synchronized CircuitSnapshot snapshot() {
        return new CircuitSnapshot(
                carrier,
                state(),
                failureCount,
                successCount,
                Optional.ofNullable(lastFailureTime),
                stateSince,
                settings.recoveryTimeout(),
                clock.instant(),
                Optional.ofNullable(configurationFault));
    }

    /** Operator override: refuse every call until {@link #close} (DESIGN.md §6). */
    public void forceOpen(String actor, String reason) {
        override(actor, reason, breaker::transitionToForcedOpenState);
    }

    /** Operator override: let every call through and count nothing until {@link #close}. */
    public void disable(String actor, String reason) {
        override(actor, reason, breaker::transitionToDisabledState);
    }

    /**
     * Operator override: back to CLOSED with every count cleared. On a breaker already closed this is a reset,
     * published (and so audited) as a CLOSED to CLOSED transition carrying the actor and the reason.
     */
    public void close(String actor, String reason) {
        synchronized (this) {
            failureCount = 0;
            successCount = 0;
        }
        if (breaker.getState() == CircuitBreaker.State.CLOSED) {
            override(actor, reason, () -> {
                breaker.reset();
                publish(CircuitState.CLOSED, CircuitState.CLOSED);
            });
        } else {
            override(actor, reason, breaker::transitionToClosedState);
        }
    }

    /** The underlying resilience4j breaker, for its standard metrics. Do not call it directly. */
    public CircuitBreaker resilience4j() {
        return breaker;
    }

    private void acquirePermission() {
        synchronized (this) {
            // §3: the first call at or after T moves OPEN to HALF_OPEN; resilience4j waits until strictly after.
            if (breaker.getState() == CircuitBreaker.State.OPEN && snapshot().shouldAttemptReset()) {
                breaker.transitionToHalfOpenState();
            }
        }
        if (!breaker.tryAcquirePermission()) {
            CircuitSnapshot now = snapshot();
            Duration retryAfter = now.state() == CircuitState.OPEN ? now.retryAfter() : settings.recoveryTimeout();
            throw CarrierUnavailableException.circuitOpen(carrier, retryAfter);
        }
    }

    private void onSuccess(long duration) {
        synchronized (this) {
            configurationFault = null;
            if (breaker.getState() != CircuitBreaker.State.DISABLED) {
                successCount++;
                failureCount = 0;
            }
        }
        breaker.onSuccess(duration, breaker.getTimestampUnit());
    }

    private void onFailure(Throwable failure, long duration) {
        boolean fault = isCarrierFault(failure);
        if (failure instanceof CarrierConfigurationException) {
            synchronized (this) {
                if (configurationFault == null) {
                    configurationFault = new ConfigurationFault(failure.getMessage(), clock.instant());
                }
            }
        }
        if (fault) {
            synchronized (this) {
                if (breaker.getState() != CircuitBreaker.State.DISABLED) {
                    failureCount++;
                    successCount = 0;
                    lastFailureTime = clock.instant();
                    lastFailure = describe(failure);
                }
            }
        }
        if (fault && breaker.getState() == CircuitBreaker.State.HALF_OPEN) {
            // §3: a trial fault reopens at once. Left to itself, resilience4j would decide only after every
            // permitted trial, by failure rate, and could close on [success, fault]: so reopen first.
            breaker.transitionToOpenState();
        }
        breaker.onError(duration, breaker.getTimestampUnit(), failure);
    }

    private void override(String actor, String reason, Runnable transition) {
        synchronized (this) {
            pendingOverride = new Override(Objects.requireNonNull(actor, "actor"), reason == null ? "" : reason);
        }
        try {
            transition.run();
        } finally {
            synchronized (this) {
                pendingOverride = null;
            }
        }
    }

    private void publish(CircuitBreakerOnStateTransitionEvent event) {
        publish(
                map(event.getStateTransition().getFromState()),
                map(event.getStateTransition().getToState()));
    }

    private void publish(CircuitState from, CircuitState to) {
        CircuitStateChanged changed;
        synchronized (this) {
            stateSince = clock.instant();
            Optional<String> actor = Optional.ofNullable(pendingOverride).map(Override::actor);
            changed = new CircuitStateChanged(
                    carrier,
                    from,
                    to,
                    stateSince,
                    cause(from, to),
                    sequence.incrementAndGet(),
                    failureCount,
                    successCount,
                    actor);
        }
        try {
            listener.onTransition(changed);
        } catch (RuntimeException e) {
            // A listener must not throw; if one does, the carrier call must not pay for it.
        }
    }

    /**
     * The transition's cause, cut to what {@link CircuitStateChanged} holds: a long carrier message or operator
     * reason must never cost the audit trail its transition.
     */
    private String cause(CircuitState from, CircuitState to) {
        String cause = describe(from, to);
        return cause.length() <= MAX_CAUSE ? cause : cause.substring(0, MAX_CAUSE - 1) + "…";
    }

    private String describe(CircuitState from, CircuitState to) {
        if (pendingOverride != null) {
            return "operator override" + (pendingOverride.reason().isBlank() ? "" : ": " + pendingOverride.reason());
        }
        if (from == CircuitState.CLOSED && to == CircuitState.OPEN) {
            return failureCount + " consecutive failures; last: " + lastFailure;
        }
        if (from == CircuitState.OPEN && to == CircuitState.HALF_OPEN) {
            return "recovery timeout of " + settings.recoveryTimeout().toSeconds() + " s elapsed; trial calls allowed";
        }
        if (from == CircuitState.HALF_OPEN && to == CircuitState.OPEN) {
            return "trial call failed: " + lastFailure;
        }
        if (from == CircuitState.HALF_OPEN && to == CircuitState.CLOSED) {
            return successCount + " consecutive successful trial calls";
        }
        return "";
    }

    private CircuitState state() {
        return map(breaker.getState());
    }

    static boolean isCarrierFault(Throwable failure) {
        return !(failure instanceof CarrierException) || failure instanceof CarrierUnavailableException;
    }

    private static String describe(Throwable failure) {
        if (failure instanceof CarrierUnavailableException unavailable) {
            return unavailable.outcome().name().toLowerCase(java.util.Locale.ROOT) + " (" + unavailable.getMessage()
                    + ")";
        }
        return "unexpected " + failure.getClass().getSimpleName();
    }

    private static CircuitState map(CircuitBreaker.State state) {
        return switch (state) {
            case CLOSED, METRICS_ONLY -> CircuitState.CLOSED;
            case OPEN -> CircuitState.OPEN;
            case HALF_OPEN -> CircuitState.HALF_OPEN;
            case FORCED_OPEN -> CircuitState.FORCED_OPEN;
            case DISABLED -> CircuitState.DISABLED;
        };
    }

    private static CircuitBreakerConfig resilience4jConfig(CircuitBreakerSettings settings, Clock clock) {
        return CircuitBreakerConfig.custom()
                .slidingWindow(settings.failureThreshold(), settings.failureThreshold(), SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(100)
                .permittedNumberOfCallsInHalfOpenState(settings.successThreshold())
                .waitDurationInOpenState(settings.recoveryTimeout())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .ignoreException(failure -> !isCarrierFault(failure))
                .clock(clock)
                .build();
    }

    private record Override(String actor, String reason) {}
}
