package io.haderos.shipping.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.haderos.shipping.domain.model.GatewayInstance;
import io.haderos.shipping.domain.model.InstanceStatus;
import io.haderos.shipping.domain.port.out.GatewayInstances;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@link GatewayInstances} contract: extend it and return a fresh, empty registry from {@link #instances()}. */
public abstract class GatewayInstancesContract {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00.125Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    protected abstract GatewayInstances instances();

    @Test
    void aStartedInstanceIsLiveAndReadsBackAsRecorded() {
        GatewayInstances instances = instances();
        GatewayInstance alpha = GatewayInstance.starting("alpha-4711-9f86d081", "alpha", T0);

        instances.started(alpha);

        assertThat(instances.all()).containsExactly(alpha);
        assertThat(alpha.status(T0.plusSeconds(5), TIMEOUT)).isEqualTo(InstanceStatus.LIVE);
    }

    @Test
    void heartbeatsMoveLastSeenAndAnInstanceWithoutThemTurnsStale() {
        GatewayInstances instances = instances();
        instances.started(GatewayInstance.starting("alpha-1", "alpha", T0));
        instances.started(GatewayInstance.starting("beta-2", "beta", T0));

        instances.seen("alpha-1", T0.plusSeconds(60));

        assertThat(instances.all())
                .extracting(GatewayInstance::instanceId, instance -> instance.status(T0.plusSeconds(61), TIMEOUT))
                .containsExactly(tuple("alpha-1", InstanceStatus.LIVE), tuple("beta-2", InstanceStatus.STALE));
    }

    @Test
    void aGracefulStopIsItsLastHeartbeat() {
        GatewayInstances instances = instances();
        instances.started(GatewayInstance.starting("alpha-1", "alpha", T0));

        instances.stopped("alpha-1", T0.plusSeconds(30));

        assertThat(instances.all())
                .containsExactly(new GatewayInstance(
                        "alpha-1", "alpha", T0, T0.plusSeconds(30), Optional.of(T0.plusSeconds(30))));
    }

    @Test
    void startedAgainAfterAFailedAttemptChangesNothingButTheHeartbeat() {
        GatewayInstances instances = instances();
        instances.started(GatewayInstance.starting("alpha-1", "alpha", T0));

        instances.started(new GatewayInstance("alpha-1", "alpha", T0, T0.plusSeconds(10), Optional.empty()));

        assertThat(instances.all()).singleElement().satisfies(alpha -> {
            assertThat(alpha.startedAt()).isEqualTo(T0);
            assertThat(alpha.lastSeen()).isEqualTo(T0.plusSeconds(10));
        });
    }

    @Test
    void everyInstanceIsListedByItsId() {
        GatewayInstances instances = instances();
        instances.started(GatewayInstance.starting("beta-2", "beta", T0.minus(Duration.ofDays(2))));
        instances.started(GatewayInstance.starting("alpha-1", "alpha", T0));

        assertThat(instances.all()).extracting(GatewayInstance::instanceId).containsExactly("alpha-1", "beta-2");
    }
}
