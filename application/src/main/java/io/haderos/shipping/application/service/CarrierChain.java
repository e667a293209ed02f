package io.haderos.shipping.application.service;

import io.haderos.shipping.application.port.out.CarrierCallObserver;
import io.haderos.shipping.domain.model.Attempt;
import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.policy.CarrierOperation;
import io.haderos.shipping.domain.policy.FallbackDecision;
import io.haderos.shipping.domain.policy.FallbackPolicy;
import io.haderos.shipping.domain.policy.HedgeDelay;
import io.haderos.shipping.domain.port.out.CarrierException;
import io.haderos.shipping.domain.port.out.CarrierRejectedException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.ShippingCarrier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Asks the carriers in order until one serves, letting {@link FallbackPolicy} decide after each failure, and, for
 * a walk that hedges, asking the next carrier as well when the current one has not answered within its hedge delay
 * (docs/architecture.md#slowness-and-hangs): the first usable answer wins. Shared by every use case that falls back, so the walk and its
 * bookkeeping exist once. Nothing here blocks: each step runs on the thread that completed the step before.
 */
final class CarrierChain {

    private final List<ShippingCarrier> carriers;
    private final FallbackPolicy policy;
    private final CarrierCallObserver observer;

    CarrierChain(List<ShippingCarrier> carriers, FallbackPolicy policy, CarrierCallObserver observer) {
        if (carriers.isEmpty()) {
            throw new IllegalArgumentException("at least one carrier is required");
        }
        this.carriers = List.copyOf(carriers);
        this.policy = policy;
        this.observer = observer;
    }

    /** How a walk along the chain ended: one of four cases, each handled by {@link #match}. */
    sealed interface Outcome<T> {
        List<Attempt> attempts();

        /** The result of the function for this case. */
        default <R> R match(
                Function<Served<T>, R> served,
                Function<Rejected<T>, R> rejected,
                Function<OutcomeUnknown<T>, R> unknown,
                Function<Exhausted<T>, R> exhausted) {
            if (this instanceof Served<T> it) {
                return served.apply(it);
            }
            if (this instanceof Rejected<T> it) {
                return rejected.apply(it);
            }
            if (this instanceof OutcomeUnknown<T> it) {
                return unknown.apply(it);
            }
            if (this instanceof Exhausted<T> it) {
                return exhausted.apply(it);
            }
            throw new IllegalStateException("not an outcome of the chain: " + this); // the interface is sealed
        }
    }

    /** A carrier served the call. */
    record Served<T>(CarrierId carrier, T value, boolean fallback, List<Attempt> attempts) implements Outcome<T> {}

    /** A carrier refused the request's content; another would too. */
    record Rejected<T>(CarrierRejectedException rejection, List<Attempt> attempts) implements Outcome<T> {}

    /** A carrier may have acted on a request that must not be repeated elsewhere. */
    record OutcomeUnknown<T>(CarrierId carrier, List<Attempt> attempts) implements Outcome<T> {}

    /** No carrier could serve; {@code retryAfter} when a breaker says when one may. */
    record Exhausted<T>(Optional<Duration> retryAfter, List<Attempt> attempts) implements Outcome<T> {}

    /** When a walk asks the next carrier before the current one has answered. */
    record Hedging(Map<CarrierId, HedgeDelay> delays, ScheduledExecutorService scheduler) {

        Hedging {
            delays = Map.copyOf(delays);
        }

        Optional<Duration> delay(CarrierId carrier) {
            HedgeDelay delay = delays.get(carrier);
            return delay == null ? Optional.empty() : delay.current();
        }

        void succeeded(CarrierId carrier, Duration latency) {
            HedgeDelay delay = delays.get(carrier);
            if (delay != null) {
                delay.recordSuccess(latency);
            }
        }
    }

    /**
     * This chain reporting to its observer bound to the calling thread ({@link CarrierCallObserver#boundToCaller()}).
     * A use case calls it on the request's thread, before any hop to another thread, and walks the chain it returns.
     */
    CarrierChain boundToCaller() {
        CarrierCallObserver bound = observer.boundToCaller();
        return bound == observer ? this : new CarrierChain(carriers, policy, bound);
    }

    /** One carrier at a time: the next is asked only when the current one has failed in a way the policy allows. */
    <T> CompletableFuture<Outcome<T>> run(
            CarrierOperation operation, Function<ShippingCarrier, CompletableFuture<T>> call) {
        return new Walk<>(operation, call, Optional.empty()).begin();
    }

    /** As {@link #run(CarrierOperation, Function)}, but the next carrier is also asked after a hedge delay. */
    <T> CompletableFuture<Outcome<T>> run(
            CarrierOperation operation, Function<ShippingCarrier, CompletableFuture<T>> call, Hedging hedging) {
        return new Walk<>(operation, call, Optional.of(hedging)).begin();
    }

    /** One walk. Its state is guarded by its own lock; carriers are called and results published outside it. */
    private final class Walk<T> {
        private final CarrierOperation operation;
        private final Function<ShippingCarrier, CompletableFuture<T>> call;
        private final Optional<Hedging> hedging;
        private final CompletableFuture<Outcome<T>> result = new CompletableFuture<>();
        private final Slot[] slots = new Slot[carriers.size()];
        private final List<CarrierException> failures = new ArrayList<>();
        private int next;
        private boolean stopped;
        private boolean finished;
        private CarrierRejectedException rejection;
        private int hedgedFrom = -1;

        Walk(
                CarrierOperation operation,
                Function<ShippingCarrier, CompletableFuture<T>> call,
                Optional<Hedging> hedging) {
            this.operation = operation;
            this.call = call;
            this.hedging = hedging;
        }

        CompletableFuture<Outcome<T>> begin() {
            int first;
            synchronized (this) {
                first = next++;
                slots[first] = new Slot(System.nanoTime());
            }
            launch(first);
            return result;
        }

        private void launch(int index) {
            ShippingCarrier carrier = carriers.get(index);
            CompletableFuture<T> pending;
            try {
                pending = call.apply(carrier);
            } catch (RuntimeException e) {
                pending = CompletableFuture.failedFuture(e);
            }
            if (!pending.isDone() && index + 1 < carriers.size()) {
                hedging.ifPresent(h -> h.delay(carrier.id()).ifPresent(delay -> {
                    ScheduledFuture<?> timer =
                            h.scheduler().schedule(() -> hedge(index), delay.toNanos(), TimeUnit.NANOSECONDS);
                    synchronized (this) {
                        slots[index].timer = timer;
                    }
                }));
            }
            pending.whenComplete((value, failure) -> ended(index, value, failure));
        }

        /** The hedge delay of carrier {@code index} passed without an answer: ask the next one as well. */
        private void hedge(int index) {
            int toLaunch;
            synchronized (this) {
                if (finished || stopped || slots[index].ended || next != index + 1) {
                    return;
                }
                toLaunch = next++;
                slots[toLaunch] = new Slot(System.nanoTime());
                hedgedFrom = index;
            }
            launch(toLaunch);
        }

        private void ended(int index, T value, Throwable failure) {
            CarrierId carrier = carriers.get(index).id();
            Throwable cause = StageFailures.cause(failure);
            Duration elapsed;
            synchronized (this) {
                elapsed = Duration.ofNanos(System.nanoTime() - slots[index].started);
            }
            if (cause == null) {
                observer.called(carrier, operation, AttemptOutcome.SUCCESS, elapsed);
                hedging.ifPresent(h -> h.succeeded(carrier, elapsed));
            } else if (cause instanceof CarrierException carrierFailure) {
                observer.called(carrier, operation, carrierFailure.outcome(), elapsed);
            }
            int toLaunch = -1;
            Outcome<T> outcome = null;
            Throwable bug = null;
            synchronized (this) {
                Slot slot = slots[index];
                slot.ended = true;
                if (slot.timer != null) {
                    slot.timer.cancel(false);
                }
                if (finished) {
                    return; // overtaken: the client already has its answer
                }
                if (cause == null) {
                    slot.attempt = Attempt.success(carrier);
                    outcome = new Served<>(carrier, value, index > 0, attempts());
                } else if (!(cause instanceof CarrierException carrierFailure)) {
                    bug = cause; // not a carrier's answer: a bug, which may have struck after the request left
                } else {
                    slot.attempt = new Attempt(carrier, carrierFailure.outcome(), carrierFailure.getMessage());
                    FallbackDecision decision = policy.decide(operation, carrierFailure);
                    if (decision instanceof FallbackDecision.StopOutcomeUnknown) {
                        outcome = new OutcomeUnknown<>(carrier, attempts());
                    } else {
                        if (decision instanceof FallbackDecision.StopRejected rejected) {
                            stopped = true;
                            rejection = rejection == null ? rejected.failure() : rejection;
                        } else {
                            failures.add(carrierFailure);
                        }
                        if (!stopped && next < carriers.size()) {
                            toLaunch = next++;
                            slots[toLaunch] = new Slot(System.nanoTime());
                        } else if (!anyRunning()) {
                            outcome = rejection != null
                                    ? new Rejected<>(rejection, attempts())
                                    : new Exhausted<>(earliestTrial(failures), attempts());
                        }
                    }
                }
                finished = outcome != null || bug != null;
            }
            if (toLaunch >= 0) {
                observer.fellBack(operation, carrier, carriers.get(toLaunch).id());
                launch(toLaunch);
            }
            if (bug != null) {
                result.completeExceptionally(bug);
            } else if (outcome != null) {
                reportHedge(outcome);
                result.complete(outcome);
            }
        }

        private void reportHedge(Outcome<T> outcome) {
            int from;
            synchronized (this) {
                from = hedgedFrom;
            }
            if (from >= 0) {
                Optional<CarrierId> winner =
                        outcome instanceof Served<T> served ? Optional.of(served.carrier()) : Optional.empty();
                observer.hedged(carriers.get(from).id(), carriers.get(from + 1).id(), winner);
            }
        }

        /** Every carrier asked so far, in order; one still running was overtaken by the answer that ends the walk. */
        private List<Attempt> attempts() {
            List<Attempt> attempts = new ArrayList<>();
            for (int i = 0; i < next; i++) {
                Slot slot = slots[i];
                attempts.add(
                        slot.attempt != null
                                ? slot.attempt
                                : new Attempt(
                                        carriers.get(i).id(),
                                        AttemptOutcome.HEDGED,
                                        "no answer within the hedge delay; another carrier answered first"));
            }
            return attempts;
        }

        private boolean anyRunning() {
            for (int i = 0; i < next; i++) {
                if (!slots[i].ended) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One carrier's part in a walk. */
    private static final class Slot {
        final long started;
        boolean ended;
        Attempt attempt;
        ScheduledFuture<?> timer;

        Slot(long started) {
            this.started = started;
        }
    }

    private static Optional<Duration> earliestTrial(List<CarrierException> failures) {
        return failures.stream()
                .filter(CarrierUnavailableException.class::isInstance)
                .map(CarrierUnavailableException.class::cast)
                .map(CarrierUnavailableException::retryAfter)
                .flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
    }
}
