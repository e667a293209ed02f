package io.haderos.shipping.domain.policy;

import static io.haderos.shipping.domain.policy.CarrierOperation.CREATE_SHIPMENT;
import static io.haderos.shipping.domain.policy.CarrierOperation.QUOTE_RATES;
import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.port.out.CarrierConfigurationException;
import io.haderos.shipping.domain.port.out.CarrierException;
import io.haderos.shipping.domain.port.out.CarrierMessage;
import io.haderos.shipping.domain.port.out.CarrierRejectedException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** docs/architecture.md#fallback-policy, row by row. */
class FallbackPolicyTest {

    private static final CarrierId ARAMEX = CarrierId.ARAMEX;
    private final FallbackPolicy policy = new FallbackPolicy();

    private static CarrierException unavailable(Reason reason) {
        return reason == Reason.CIRCUIT_OPEN
                ? CarrierUnavailableException.circuitOpen(ARAMEX, Duration.ofSeconds(60))
                : new CarrierUnavailableException(ARAMEX, reason, reason.name());
    }

    @ParameterizedTest
    @EnumSource(Reason.class)
    void givenRates_whenAnyCarrierFault_thenTryNextCarrier(Reason reason) {
        assertThat(policy.decide(QUOTE_RATES, unavailable(reason))).isInstanceOf(FallbackDecision.TryNextCarrier.class);
    }

    /**
     * Every carrier fault of a shipment: the next carrier is tried only when the request was not processed; when the
     * outcome is unknown (it may exist at the carrier), stop without trying another.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "CIRCUIT_OPEN, TryNextCarrier",
        "CONNECTION_REFUSED, TryNextCarrier",
        "SERVICE_UNAVAILABLE, TryNextCarrier",
        "CARRIER_ERROR, TryNextCarrier",
        "BUSY, TryNextCarrier",
        "TIMEOUT, StopOutcomeUnknown",
        "SERVER_ERROR, StopOutcomeUnknown",
        "UNREADABLE_REPLY, StopOutcomeUnknown",
        "CONNECTION_LOST, StopOutcomeUnknown",
        "SLOW, StopOutcomeUnknown"
    })
    void givenShip_whenACarrierFault_thenTryNextCarrierOnlyIfTheRequestWasNotProcessed(Reason reason, String decision) {
        FallbackDecision decided = policy.decide(CREATE_SHIPMENT, unavailable(reason));

        assertThat(decided.getClass().getSimpleName()).isEqualTo(decision);
    }

    @ParameterizedTest
    @EnumSource(CarrierOperation.class)
    void givenAnyOperation_whenCallerFault_thenStopRejected(CarrierOperation operation) {
        CarrierRejectedException rejected = new CarrierRejectedException(
                ARAMEX, List.of(new CarrierMessage("ERR52", "City name is invalid (Dubay)")));

        FallbackDecision decision = policy.decide(operation, rejected);

        assertThat(decision).isInstanceOf(FallbackDecision.StopRejected.class);
        assertThat(decision.failure()).isSameAs(rejected);
    }

    @ParameterizedTest
    @EnumSource(CarrierOperation.class)
    void givenAnyOperation_whenOurCredentialsAreRefused_thenTryNextCarrier(CarrierOperation operation) {
        assertThat(policy.decide(operation, new CarrierConfigurationException(ARAMEX, "ERR01")))
                .isInstanceOf(FallbackDecision.TryNextCarrier.class);
    }
}
