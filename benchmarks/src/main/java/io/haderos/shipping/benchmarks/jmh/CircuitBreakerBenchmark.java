package io.haderos.shipping.benchmarks.jmh;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.haderos.shipping.adapter.resilience4j.CarrierCircuitBreaker;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of one call through the gateway's {@link CarrierCircuitBreaker} against a raw resilience4j breaker
 * configured the same way and against calling directly; closed (the call runs) and open (it is refused). The breakers
 * are shared by all benchmark threads, as a carrier's breaker is shared by all requests. New breakers each iteration,
 * so an open one never reaches its trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CircuitBreakerBenchmark {

    private final String quote = "145.00 SAR";
    private final Supplier<String> work = () -> quote;

    private CarrierCircuitBreaker carrierClosed;
    private CarrierCircuitBreaker carrierOpen;
    private CircuitBreaker rawClosed;
    private CircuitBreaker rawOpen;

    /** Fresh breakers: two closed, two opened by consecutive faults. */
    @Setup(Level.Iteration)
    public void setUp() {
        carrierClosed = BreakerCalls.carrierBreaker();
        carrierOpen = BreakerCalls.open(BreakerCalls.carrierBreaker());
        rawClosed = BreakerCalls.rawBreaker();
        rawOpen = BreakerCalls.open(BreakerCalls.rawBreaker());
    }

    /** The call without any breaker. */
    @Benchmark
    public String direct() {
        return work.get();
    }

    /** Through a closed raw resilience4j breaker. */
    @Benchmark
    public String rawClosed() {
        return rawClosed.executeSupplier(work);
    }

    /** Through the gateway's closed breaker. */
    @Benchmark
    public String carrierClosed() {
        return BreakerCalls.call(carrierClosed, work);
    }

    /** Through a closed raw resilience4j breaker, as a completion stage. */
    @Benchmark
    public String rawClosedAsync() {
        return BreakerCalls.callAsync(rawClosed, work);
    }

    /** Through the gateway's closed breaker, asynchronously: bulkhead, slow-call tracking, epochs included. */
    @Benchmark
    public String carrierClosedAsync() {
        return BreakerCalls.callAsync(carrierClosed, work);
    }

    /** Refused by an open raw resilience4j breaker. */
    @Benchmark
    public Object rawOpen() {
        try {
            return rawOpen.executeSupplier(work);
        } catch (CallNotPermittedException refused) {
            return refused;
        }
    }

    /** Refused by the gateway's open breaker. */
    @Benchmark
    public Object carrierOpen() {
        try {
            return BreakerCalls.call(carrierOpen, work);
        } catch (CarrierUnavailableException refused) {
            return refused;
        }
    }
}
