package io.haderos.shipping.adapter.resilience4j;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import io.haderos.shipping.domain.circuit.ConfigurationFault;
import io.haderos.shipping.domain.circuit.OperatorOverride;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.policy.CarrierOperation;
import io.haderos.shipping.domain.port.out.CarrierConfigurationException;
import io.haderos.shipping.domain.port.out.CarrierException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.CircuitTransitionListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * One carrier's circuit breaker with the semantics of docs/architecture.md#circuit-breaker and the guards against slowness, on top of resilience4j.
 *
 * <p>resilience4j alone cannot express these semantics: its HALF_OPEN state decides once, after all permitted calls. This class
 * configures a COUNT_BASED window of {@code failureThreshold} calls that opens at a 100 % failure rate (that is, N
 * consecutive faults), lets {@code successThreshold} trial calls through when half-open, reopens at the first trial
 * fault, and ignores caller and configuration faults entirely. It also keeps the consecutive counts that monitoring
 * reports, and publishes every transition as a {@link CircuitStateChanged} with a per-carrier sequence.
 *
 * <p>Beyond those semantics (docs/architecture.md#slowness-and-hangs):
 * <ul>
 *   <li><b>a shipment is never a trial</b>: while a trial is due or running, {@link CarrierOperation#CREATE_SHIPMENT}
 *       calls are refused as if the breaker were open; only calls safe to repeat move it to HALF_OPEN;</li>
 *   <li><b>late results count nothing</b>: every transition starts a new epoch, and a call whose result arrives in
 *       a later epoch than the one it was admitted in is not counted;</li>
 *   <li>{@link #callAsync} adds <b>slow-call detection in flight</b> (a call still unanswered past its operation's
 *       threshold counts as a carrier fault at that moment; a safe call's caller is then told {@code SLOW} at once,
 *       a shipment's caller keeps waiting for the real outcome, and the later end counts nothing) and a
 *       <b>bulkhead</b> (beyond {@code maxConcurrentCalls} calls in flight, a call is not sent and fails
 *       {@code BUSY}, counted neither as a fault nor as a success).</li>
 * </ul>
 *
 * <p>Time comes from the {@link Clock} and the slow-call timers from the {@link ScheduledExecutorService} given at
 * creation, so tests move time instead of sleeping. Thread-safe. Listeners run on the calling thread (or the
 * scheduler's, for slow calls) and must return at once.
 */
public final class CarrierCircuitBreaker {

    /** The longest cause a {@link CircuitStateChanged} holds. */
    private static final int MAX_CAUSE = 500;

    private final CarrierId carrier;
    private final CircuitBreakerSettings settings;
    private final Clock clock;
    private final CircuitTransitionListener listener;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final ScheduledExecutorService scheduler;
    private final SlowCallDetector slowCalls;
    private final LongAdder[] slowCallCounts = adders();
    private final LongAdder[] busyRefusalCounts = adders();

    /** Incremented by every transition, under this object's lock; read without it on the fast path. */
    private volatile long epoch;

    /** resilience4j's state as last seen, under this object's lock: a difference is a transition to publish. */
    private CircuitBreaker.State observed = CircuitBreaker.State.CLOSED;

    private long sequence;
    private int failureCount;
    private int successCount;
    private Instant lastFailureTime;
    private String lastFailure = "";
    private Instant stateSince;
    private ConfigurationFault configurationFault;
    private Override pendingOverride;
    /** The operator's order holding the breaker FORCED_OPEN or DISABLED; null in every other state. */
    private OperatorOverride heldBy;

    private CarrierCircuitBreaker(
            CarrierId carrier,
            CircuitBreakerSettings settings,
            Clock clock,
            CircuitTransitionListener listener,
            ScheduledExecutorService scheduler) {
        this.carrier = Objects.requireNonNull(carrier, "carrier");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.stateSince = clock.instant();
        // No event consumer of ours: resilience4j then builds no event object per call. Transitions are noticed by
        // comparing its state after each call into it that can move it (see observe()).
        this.breaker = CircuitBreaker.of(carrier.value(), resilience4jConfig(settings, clock));
        this.bulkhead = Bulkhead.of(
                carrier.value(),
                BulkheadConfig.custom()
                        .maxConcurrentCalls(settings.maxConcurrentCalls())
                        .maxWaitDuration(Duration.ZERO)
                        .build());
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.slowCalls = new SlowCallDetector(settings.slowCallThresholds(), clock, scheduler, this::slow);
    }

    /**
     * A CLOSED breaker for {@code carrier}.
     *
     * @param listener  receives every transition on the calling thread; must not block or throw
     * @param scheduler runs the slow-call timers of {@link #callAsync}; the breaker never shuts it down
     */
    public static CarrierCircuitBreaker create(
            CarrierId carrier,
            CircuitBreakerSettings settings,
            Clock clock,
            CircuitTransitionListener listener,
            ScheduledExecutorService scheduler) {
        return new CarrierCircuitBreaker(carrier, settings, clock, listener, scheduler);
    }

    /**
     * A CLOSED breaker for {@code carrier} whose slow-call timers run on one daemon thread shared by every breaker
     * made this way ({@code carrier-breaker-timer}).
     *
     * @param listener receives every transition on the calling thread; must not block or throw
     */
    public static CarrierCircuitBreaker create(
            CarrierId carrier, CircuitBreakerSettings settings, Clock clock, CircuitTransitionListener listener) {
        return create(carrier, settings, clock, listener, SharedTimer.INSTANCE);
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
     * The scheduler of this breaker's timers, which the carrier adapters also use for their request deadlines. Its
     * tasks must be short: they hand work to other threads.
     */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /**
     * Starts {@code call} if the breaker and the bulkhead permit it, and counts its outcome: at its end, or when it
     * crosses {@code operation}'s slow-call threshold while still in flight, whichever comes first.
     *
     * <p>The returned future completes with the call's result or failure, except that a call safe to repeat which
     * crosses its threshold fails at that moment with {@link CarrierUnavailableException.Reason#SLOW} (the call runs
     * on, but its end counts nothing). A shipment creation always completes with its own outcome.
     * {@link CarrierUnavailableException} and unexpected exceptions count as carrier faults; other
     * {@link CarrierException}s (the carrier rejected our data or credentials) are neither faults nor successes.
     *
     * @return a future that fails at once, without running {@code call}, with reason {@code CIRCUIT_OPEN} when the
     *     breaker does not permit the call (a shipment while a trial is due or running included), or {@code BUSY}
     *     when {@code maxConcurrentCalls} calls are already in flight
     */
    public <T> CompletableFuture<T> callAsync(CarrierOperation operation, Supplier<? extends CompletionStage<T>> call) {
        long admittedIn;
        try {
            admittedIn = admit(operation);
        } catch (CarrierUnavailableException refused) {
            return CompletableFuture.failedFuture(refused);
        }
        if (!bulkhead.tryAcquirePermission()) {
            breaker.releasePermission();
            busyRefusalCounts[operation.ordinal()].increment();
            return CompletableFuture.failedFuture(
                    CarrierUnavailableException.busy(carrier, settings.maxConcurrentCalls()));
        }
        InFlightCall<T> flight =
                new InFlightCall<>(operation, admittedIn, clock.millis(), breaker.getCurrentTimestamp());
        slowCalls.track(flight);
        CompletionStage<T> stage;
        try {
            stage = Objects.requireNonNull(call.get(), "the call returned no future");
        } catch (RuntimeException | Error e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((value, failure) -> ended(flight, value, failure));
        return flight.result;
    }

    /**
     * Runs {@code call} on this thread if the breaker permits it, and counts its outcome when it returns: a call
     * that took longer than {@code operation}'s slow-call threshold counts as a carrier fault even if it succeeded
     * (it still returns its result). No bulkhead: the caller's own threads bound the calls in flight.
     *
     * @throws CarrierUnavailableException with reason {@code CIRCUIT_OPEN}, without running {@code call}, when the
     *     breaker does not permit it
     */
    public <T> T call(CarrierOperation operation, Supplier<T> call) {
        long admittedIn = admit(operation);
        long start = breaker.getCurrentTimestamp();
        long startedMillis = clock.millis();
        T result;
        try {
            result = call.get();
        } catch (RuntimeException | Error failure) {
            record(admittedIn, failure, breaker.getCurrentTimestamp() - start);
            throw failure;
        }
        long duration = breaker.getCurrentTimestamp() - start;
        Duration threshold = settings.slowCallThresholds().of(operation);
        if (clock.millis() - startedMillis >= threshold.toMillis()) {
            slowCallCounts[operation.ordinal()].increment();
            record(admittedIn, CarrierUnavailableException.slow(carrier, threshold), duration);
        } else {
            record(admittedIn, null, duration);
        }
        return result;
    }

    /**
     * Runs {@code call}, which does not reach the carrier (a local tariff lookup, for instance), only while the
     * breaker lets {@code operation} through, and counts nothing: such a call proves nothing about the carrier's
     * health, so it neither resets the failure count nor uses a half-open trial.
     *
     * @throws CarrierUnavailableException with reason {@code CIRCUIT_OPEN}, without running {@code call}, while the
     *     breaker does not let {@code operation} through
     */
    public <T> T callUncounted(CarrierOperation operation, Supplier<T> call) {
        CircuitSnapshot now = snapshot();
        if (!now.canServe(operation)) {
            throw refusal(operation, now);
        }
        return call.get();
    }

    /** The breaker's state and counts as of now. */
    public synchronized CircuitSnapshot snapshot() {
        CircuitState state = state();
        return new CircuitSnapshot(
                carrier,
                state,
                failureCount,
                successCount,
                Optional.ofNullable(lastFailureTime),
                stateSince,
                settings.recoveryTimeout(),
                clock.instant(),
                Optional.ofNullable(configurationFault),
                Optional.ofNullable(heldBy).filter(order -> order.target() == state));
    }

    /** Asynchronous calls in flight now (those the bulkhead holds). */
    public int callsInFlight() {
        return settings.maxConcurrentCalls() - bulkhead.getMetrics().getAvailableConcurrentCalls();
    }

    /** Calls of {@code operation} counted as slow since this breaker was made. */
    public long slowCalls(CarrierOperation operation) {
        return slowCallCounts[operation.ordinal()].sum();
    }

    /** Calls of {@code operation} not sent because the bulkhead was full, since this breaker was made. */
    public long busyRefusals(CarrierOperation operation) {
        return busyRefusalCounts[operation.ordinal()].sum();
    }

    /** Operator override: refuse every call until {@link #close} (docs/architecture.md#fleet-overrides). */
    public void forceOpen(String actor, String reason) {
        forceOpen(actor, reason, Optional.empty());
    }

    /**
     * Operator override: refuse every call until {@link #close}. {@code until}, when present, is when the order ends:
     * the breaker does not close itself then (whoever gave the order closes it), but its refusals and snapshots count
     * down to it instead of promising a trial. Given again while forced open, the new order replaces the old one and
     * is published as a FORCED_OPEN to FORCED_OPEN transition.
     */
    public void forceOpen(String actor, String reason, Optional<Instant> until) {
        override(CircuitState.FORCED_OPEN, actor, reason, until, breaker::transitionToForcedOpenState);
    }

    /** Operator override: let every call through and count nothing until {@link #close}. */
    public void disable(String actor, String reason) {
        disable(actor, reason, Optional.empty());
    }

    /**
     * Operator override: let every call through and count nothing until {@link #close}; {@code until} as for
     * {@link #forceOpen(String, String, Optional)}.
     */
    public void disable(String actor, String reason, Optional<Instant> until) {
        override(CircuitState.DISABLED, actor, reason, until, breaker::transitionToDisabledState);
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
            override(CircuitState.CLOSED, actor, reason, Optional.empty(), breaker::reset);
        } else {
            override(CircuitState.CLOSED, actor, reason, Optional.empty(), breaker::transitionToClosedState);
        }
    }

    /** The underlying resilience4j breaker, for its standard metrics. Do not call it directly. */
    public CircuitBreaker resilience4j() {
        return breaker;
    }

    /** The underlying resilience4j bulkhead, for its standard metrics. Do not call it directly. */
    public Bulkhead resilience4jBulkhead() {
        return bulkhead;
    }

    /**
     * Lets a call through or refuses it, and returns the epoch it is admitted in. A CLOSED breaker admits without the
     * lock (resilience4j's permission in CLOSED never moves it), so the common case costs two volatile reads.
     */
    private long admit(CarrierOperation operation) {
        long admittedIn = epoch;
        if (breaker.getState() == CircuitBreaker.State.CLOSED && breaker.tryAcquirePermission()) {
            return admittedIn;
        }
        synchronized (this) {
            CircuitSnapshot now = snapshot();
            if (!operation.isSafeToRepeat() && now.isTesting()) {
                throw refusal(operation, now);
            }
            // the first call at or after T moves OPEN to HALF_OPEN; resilience4j waits until strictly after.
            if (now.shouldAttemptReset()) {
                breaker.transitionToHalfOpenState();
                observe();
            }
            admittedIn = epoch;
            boolean permitted = breaker.tryAcquirePermission();
            observe();
            if (!permitted) {
                throw refusal(operation, snapshot());
            }
            return admittedIn;
        }
    }

    /**
     * Why a call is refused, with an honest hint of when to come back: the time to the trial of an open breaker, the
     * end of an operator's order, or none when only an operator can let calls through again.
     */
    private CarrierUnavailableException refusal(CarrierOperation operation, CircuitSnapshot now) {
        if (now.state() == CircuitState.FORCED_OPEN) {
            return CarrierUnavailableException.heldOpen(
                    carrier, now.override().flatMap(OperatorOverride::until), now.retryAfter(operation));
        }
        Duration retryAfter = now.retryAfter(operation).orElse(settings.recoveryTimeout());
        if (now.isTesting()) {
            return CarrierUnavailableException.trialUnderway(carrier, retryAfter);
        }
        return CarrierUnavailableException.circuitOpen(carrier, retryAfter);
    }

    private <T> void ended(InFlightCall<T> flight, T value, Throwable failure) {
        bulkhead.onComplete();
        Throwable cause = unwrap(failure);
        if (flight.end()) {
            record(flight.epoch, cause, breaker.getCurrentTimestamp() - flight.startedTimestamp);
        } else if (flight.operation.isSafeToRepeat()) {
            return; // its caller was told SLOW when it crossed the threshold
        }
        if (cause == null) {
            flight.result.complete(value);
        } else {
            flight.result.completeExceptionally(cause);
        }
    }

    /** Called by the detector, on its timer, for a call that crossed its threshold while in flight. */
    private void slow(InFlightCall<?> flight) {
        Duration threshold = settings.slowCallThresholds().of(flight.operation);
        CarrierUnavailableException slow = CarrierUnavailableException.slow(carrier, threshold);
        slowCallCounts[flight.operation.ordinal()].increment();
        record(flight.epoch, slow, breaker.getTimestampUnit().convert(threshold));
        if (flight.operation.isSafeToRepeat()) {
            flight.result.completeExceptionally(slow);
        }
    }

    /**
     * Counts one outcome ({@code failure} null for a success) of a call admitted in {@code admittedIn}. Under the
     * lock, so that the epoch cannot move between the check and the count.
     */
    private synchronized void record(long admittedIn, Throwable failure, long duration) {
        if (admittedIn != epoch) {
            return; // a late result of an earlier window never changes a later one
        }
        if (failure == null) {
            configurationFault = null;
            if (breaker.getState() != CircuitBreaker.State.DISABLED) {
                successCount++;
                failureCount = 0;
            }
            breaker.onSuccess(duration, breaker.getTimestampUnit());
            observe();
            return;
        }
        if (failure instanceof CarrierConfigurationException && configurationFault == null) {
            configurationFault = new ConfigurationFault(failure.getMessage(), clock.instant());
        }
        if (isCarrierFault(failure) && breaker.getState() != CircuitBreaker.State.DISABLED) {
            failureCount++;
            successCount = 0;
            lastFailureTime = clock.instant();
            lastFailure = describe(failure);
            if (breaker.getState() == CircuitBreaker.State.HALF_OPEN) {
                // a trial fault reopens at once. Left to itself, resilience4j would decide only after every
                // permitted trial, by failure rate, and could close on [success, fault]: so reopen first.
                breaker.transitionToOpenState();
                observe();
            }
        }
        breaker.onError(duration, breaker.getTimestampUnit(), failure);
        observe();
    }

    /**
     * Runs {@code transition} with the operator's order pending, so that the transition it publishes carries the
     * actor and reason. resilience4j publishes nothing for a move to the state the breaker is already in, so such an
     * order (a reset, a new window for a forced-open breaker) is published here, as a transition to the same state.
     */
    private void override(
            CircuitState target, String actor, String reason, Optional<Instant> until, Runnable transition) {
        synchronized (this) {
            pendingOverride =
                    new Override(target, Objects.requireNonNull(actor, "actor"), reason == null ? "" : reason, until);
            try {
                boolean same = state() == target;
                transition.run();
                observe();
                if (same) {
                    publish(target, target);
                }
            } finally {
                pendingOverride = null;
            }
        }
    }

    /** Publishes the transition resilience4j just made, if it made one. Called under this object's lock. */
    private void observe() {
        CircuitBreaker.State now = breaker.getState();
        if (now != observed) {
            CircuitBreaker.State was = observed;
            observed = now;
            publish(map(was), map(now));
        }
    }

    private void publish(CircuitState from, CircuitState to) {
        CircuitStateChanged changed;
        synchronized (this) {
            epoch++;
            stateSince = clock.instant();
            heldBy = pendingOverride != null && to == pendingOverride.target() && to != CircuitState.CLOSED
                    ? pendingOverride.order()
                    : null;
            Optional<String> actor = Optional.ofNullable(pendingOverride).map(Override::actor);
            changed = new CircuitStateChanged(
                    carrier, from, to, stateSince, cause(from, to), ++sequence, failureCount, successCount, actor);
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
            return "operator override"
                    + pendingOverride.until().map(until -> " until " + until).orElse("")
                    + (pendingOverride.reason().isBlank() ? "" : ": " + pendingOverride.reason());
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

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static String describe(Throwable failure) {
        if (failure instanceof CarrierUnavailableException unavailable) {
            return unavailable.outcome().name().toLowerCase(Locale.ROOT) + " (" + unavailable.getMessage() + ")";
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

    private static LongAdder[] adders() {
        LongAdder[] adders = new LongAdder[CarrierOperation.values().length];
        for (int i = 0; i < adders.length; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }

    /** An operator's order while it is being applied. */
    private record Override(CircuitState target, String actor, String reason, Optional<Instant> until) {

        /** The order as snapshots show it. */
        OperatorOverride order() {
            return new OperatorOverride(target, actor, reason.isBlank() ? "(no reason given)" : reason, until);
        }
    }

    /** The timer of breakers made without a scheduler of their own: one daemon thread, made when first needed. */
    private static final class SharedTimer {
        static final ScheduledExecutorService INSTANCE = create();

        private static ScheduledExecutorService create() {
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, "carrier-breaker-timer");
                thread.setDaemon(true);
                return thread;
            });
            timer.setRemoveOnCancelPolicy(true);
            return timer;
        }
    }
}
