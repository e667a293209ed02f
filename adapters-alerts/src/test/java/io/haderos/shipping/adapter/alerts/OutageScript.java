package io.haderos.shipping.adapter.alerts;

import static io.haderos.shipping.domain.circuit.CircuitState.CLOSED;
import static io.haderos.shipping.domain.circuit.CircuitState.FORCED_OPEN;
import static io.haderos.shipping.domain.circuit.CircuitState.HALF_OPEN;
import static io.haderos.shipping.domain.circuit.CircuitState.OPEN;

import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.policy.OutageNotice;
import io.haderos.shipping.domain.policy.OutageNotices;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Three aramex outages as its breaker reports them: one with a failed trial (open 4 min 5 s), a short one (open
 * 2 min 5 s) and one forced by an operator (45 s). People must hear of each exactly twice.
 */
final class OutageScript {

    static final Instant T0 = Instant.parse("2025-03-10T08:00:00Z");

    private OutageScript() {}

    static List<CircuitStateChanged> transitions() {
        List<CircuitStateChanged> script = new ArrayList<>();
        // Outage 1: a trial fails, the next trials succeed.
        script.add(change(script, CLOSED, OPEN, 0, "3 consecutive failures: HTTP 503 from aramex", null));
        script.add(change(script, OPEN, HALF_OPEN, 120, "recovery timeout elapsed", null));
        script.add(change(script, HALF_OPEN, OPEN, 121, "trial call failed: no answer within 10 s", null));
        script.add(change(script, OPEN, HALF_OPEN, 241, "recovery timeout elapsed", null));
        script.add(change(script, HALF_OPEN, CLOSED, 245, "2 consecutive successful trials", null));
        // Outage 2: the first trials succeed.
        script.add(change(script, CLOSED, OPEN, 3600, "3 consecutive failures: connection refused", null));
        script.add(change(script, OPEN, HALF_OPEN, 3720, "recovery timeout elapsed", null));
        script.add(change(script, HALF_OPEN, CLOSED, 3725, "2 consecutive successful trials", null));
        // Outage 3: an operator holds the breaker open, then closes it.
        script.add(change(script, CLOSED, FORCED_OPEN, 7200, "forced open by an operator", "ops-alice"));
        script.add(change(script, FORCED_OPEN, CLOSED, 7245, "closed by an operator", "ops-alice"));
        return List.copyOf(script);
    }

    /** An opening of {@code carrier}'s outage {@code i} seconds after {@link #T0}, caused by "failure i". */
    static OutageNotice opening(CarrierId carrier, int i) {
        return new OutageNotice(
                carrier,
                OutageNotice.Kind.OPENED,
                T0.plusSeconds(i),
                "failure " + i,
                Optional.empty(),
                Optional.empty());
    }

    /** The notices the domain's policy draws from the script, in order. */
    static List<OutageNotice> notices() {
        OutageNotices policy = new OutageNotices();
        return transitions().stream().map(policy::on).flatMap(Optional::stream).toList();
    }

    private static CircuitStateChanged change(
            List<CircuitStateChanged> before,
            CircuitState from,
            CircuitState to,
            long second,
            String cause,
            String actor) {
        return new CircuitStateChanged(
                CarrierId.ARAMEX,
                from,
                to,
                T0.plusSeconds(second),
                cause,
                before.size() + 1L,
                to == CLOSED ? 0 : 3,
                to == CLOSED ? 2 : 0,
                Optional.ofNullable(actor));
    }
}
