package io.haderos.shipping.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.port.out.FleetOutages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The {@link FleetOutages} contract: one opening and one recovery per fleet outage, whatever the number of instances.
 * Extend it: {@link #instance} gives the view of a live instance of a fresh, shared store, and {@link #kill} makes one
 * stale, as a process killed while its breaker was open would be. Every move happens within seconds of {@link #T0},
 * well inside any heartbeat timeout.
 */
public abstract class FleetOutagesContract {

    /** The moment "now" of every test; instances are live at it unless killed. */
    protected static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private static final CarrierId ARAMEX = CarrierId.ARAMEX;
    private static final CarrierId SMSA = CarrierId.SMSA;

    /** The view of instance {@code instanceId} on this test's store, live at {@link #T0}. */
    protected abstract FleetOutages instance(String instanceId);

    /** The instance's last heartbeat is long before {@link #T0}: it died. */
    protected abstract void kill(String instanceId);

    @Test
    void theFirstInstanceToOpenBeginsTheOutageAndTheOthersJoinIt() {
        FleetOutages alpha = instance("alpha-1");
        FleetOutages beta = instance("beta-2");

        assertThat(alpha.joined(ARAMEX, T0)).isTrue();
        assertThat(beta.joined(ARAMEX, T0.plusSeconds(2))).isFalse();
    }

    @Test
    void theLastLiveInstanceToServeAgainEndsTheOutageAndLearnsWhenItBegan() {
        FleetOutages alpha = instance("alpha-1");
        FleetOutages beta = instance("beta-2");
        alpha.joined(ARAMEX, T0);
        beta.joined(ARAMEX, T0.plusSeconds(2));

        assertThat(alpha.left(ARAMEX, T0.plusSeconds(6))).isEmpty();
        assertThat(beta.left(ARAMEX, T0.plusSeconds(9))).contains(T0);
        assertThat(alpha.joined(ARAMEX, T0.plusSeconds(12))).as("a new outage").isTrue();
    }

    @Test
    void carriersHaveOutagesOfTheirOwn() {
        FleetOutages alpha = instance("alpha-1");
        FleetOutages beta = instance("beta-2");

        assertThat(alpha.joined(ARAMEX, T0)).isTrue();
        assertThat(beta.joined(SMSA, T0)).isTrue();
        assertThat(alpha.left(ARAMEX, T0.plusSeconds(5))).contains(T0);
    }

    @Test
    void anInstanceThatDiedInTheOutageDoesNotKeepItOpen() {
        FleetOutages alpha = instance("alpha-1");
        FleetOutages beta = instance("beta-2");
        alpha.joined(ARAMEX, T0);
        beta.joined(ARAMEX, T0);

        kill("alpha-1");

        assertThat(beta.left(ARAMEX, T0.plusSeconds(6))).contains(T0);
    }

    @Test
    void anOutageLeftBehindByDeadInstancesIsBegunAnewByTheNextOpening() {
        FleetOutages dead = instance("alpha-1");
        dead.joined(ARAMEX, T0.minusSeconds(3600));
        kill("alpha-1");
        FleetOutages restarted = instance("alpha-2");

        assertThat(restarted.joined(ARAMEX, T0)).isTrue();
        assertThat(restarted.left(ARAMEX, T0.plusSeconds(3))).contains(T0);
    }

    @Test
    void leavingAnOutageThatIsNotOpenEndsNothing() {
        assertThat(instance("alpha-1").left(ARAMEX, T0)).isEmpty();
    }

    @Test
    void givenManyInstancesOpeningAtOnce_thenExactlyOneBeginsTheOutage() throws Exception {
        int instances = 8;
        List<FleetOutages> views = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            views.add(instance("gw-" + i));
        }
        assertThat(race(views, view -> view.joined(ARAMEX, T0))).containsOnlyOnce(true);
        assertThat(race(views, view -> view.left(ARAMEX, T0.plusSeconds(6)).isPresent()))
                .containsOnlyOnce(true);
    }

    private static List<Boolean> race(List<FleetOutages> views, Predicate<FleetOutages> move) throws Exception {
        return Race.run(views.stream()
                .map(view -> (Callable<Boolean>) () -> move.test(view))
                .toList());
    }
}
