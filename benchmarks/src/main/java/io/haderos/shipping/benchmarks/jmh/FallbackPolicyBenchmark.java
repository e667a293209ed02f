package io.haderos.shipping.benchmarks.jmh;

import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.policy.CarrierOperation;
import io.haderos.shipping.domain.policy.FallbackDecision;
import io.haderos.shipping.domain.policy.FallbackPolicy;
import io.haderos.shipping.domain.port.out.CarrierMessage;
import io.haderos.shipping.domain.port.out.CarrierRejectedException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** One fallback decision ({@link FallbackPolicy#decide}) per outcome: try the next carrier, stop unknown, stop rejected. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FallbackPolicyBenchmark {

    private final FallbackPolicy policy = new FallbackPolicy();
    private final CarrierUnavailableException circuitOpen =
            CarrierUnavailableException.circuitOpen(CarrierId.ARAMEX, Duration.ofSeconds(60));
    private final CarrierUnavailableException timeout = new CarrierUnavailableException(
            CarrierId.ARAMEX, CarrierUnavailableException.Reason.TIMEOUT, "no reply in time");
    private final CarrierRejectedException rejected =
            new CarrierRejectedException(CarrierId.ARAMEX, List.of(new CarrierMessage("ERR52", "invalid city")));

    /** A quote refused by an open breaker: every rule runs, then the next carrier is tried. */
    @Benchmark
    public FallbackDecision quoteAfterCircuitOpen() {
        return policy.decide(CarrierOperation.QUOTE_RATES, circuitOpen);
    }

    /** A ship that timed out: the outcome is unknown, stop. */
    @Benchmark
    public FallbackDecision shipAfterTimeout() {
        return policy.decide(CarrierOperation.CREATE_SHIPMENT, timeout);
    }

    /** A rejected request: stop at the first rule. */
    @Benchmark
    public FallbackDecision quoteRejected() {
        return policy.decide(CarrierOperation.QUOTE_RATES, rejected);
    }
}
