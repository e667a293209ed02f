package io.haderos.shipping.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.domain.model.GatewayInstance;
import io.haderos.shipping.domain.model.InstanceStatus;
import io.haderos.shipping.domain.port.out.GatewayInstances;
import io.haderos.shipping.domain.testing.InMemoryGatewayInstances;
import io.haderos.shipping.domain.testing.ManualScheduler;
import io.haderos.shipping.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceHeartbeatTest {

    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final MutableClock clock = MutableClock.at("2026-03-01T08:00:00Z");
    private final ManualScheduler timer = new ManualScheduler(clock);
    private final FlakyInstances instances = new FlakyInstances();
    private final InstanceHeartbeat heartbeat =
            new InstanceHeartbeat(instances, "alpha-1", "alpha", INTERVAL, timer, Runnable::run, clock);

    @Test
    void whenStarted_thenTheInstanceIsRecordedLiveAndStaysLiveWhileItBeats() {
        Instant started = clock.instant();
        heartbeat.start();

        timer.advance(Duration.ofMinutes(10));

        GatewayInstance alpha = instances.only();
        assertThat(alpha.startedAt()).isEqualTo(started);
        assertThat(alpha.lastSeen()).isEqualTo(clock.instant());
        assertThat(alpha.status(clock.instant(), TIMEOUT)).isEqualTo(InstanceStatus.LIVE);
    }

    @Test
    void givenTheDatabaseAwayAtStart_thenTheStartIsRecordedAtTheNextHeartbeatWithItsOwnTime() {
        Instant started = clock.instant();
        instances.away = true;
        heartbeat.start();
        assertThat(instances.all()).isEmpty();

        instances.away = false;
        timer.advance(INTERVAL);

        assertThat(instances.only().startedAt()).isEqualTo(started);
        assertThat(instances.only().lastSeen()).isEqualTo(started.plus(INTERVAL));
    }

    @Test
    void whenHeartbeatsStop_thenTheInstanceTurnsStaleAfterTheTimeout() {
        heartbeat.start();
        timer.advance(INTERVAL);
        instances.away = true;

        timer.advance(TIMEOUT.plusSeconds(1));

        assertThat(instances.only().status(clock.instant(), TIMEOUT)).isEqualTo(InstanceStatus.STALE);
    }

    @Test
    void whenClosed_thenTheStopIsTheLastHeartbeatAndNoneFollows() {
        heartbeat.start();
        timer.advance(INTERVAL);

        heartbeat.close();
        timer.advance(INTERVAL.multipliedBy(3));

        assertThat(instances.only().stoppedAt()).contains(clock.instant().minus(INTERVAL.multipliedBy(3)));
        assertThat(instances.only().status(clock.instant(), TIMEOUT)).isEqualTo(InstanceStatus.STOPPED);
    }

    /** The in-memory instances, made unreachable on demand. */
    private static final class FlakyInstances implements GatewayInstances {
        private final InMemoryGatewayInstances instances = new InMemoryGatewayInstances();
        volatile boolean away;

        GatewayInstance only() {
            assertThat(instances.all()).hasSize(1);
            return instances.all().get(0);
        }

        @Override
        public void started(GatewayInstance instance) {
            check();
            instances.started(instance);
        }

        @Override
        public void seen(String instanceId, Instant at) {
            check();
            instances.seen(instanceId, at);
        }

        @Override
        public void stopped(String instanceId, Instant at) {
            check();
            instances.stopped(instanceId, at);
        }

        @Override
        public List<GatewayInstance> all() {
            return instances.all();
        }

        private void check() {
            if (away) {
                throw new IllegalStateException("database away");
            }
        }
    }
}
