package io.haderos.shipping.domain.testing;

import java.time.Clock;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

class InMemoryCircuitTransitionLogTest extends TransitionHistoryContract {

    @Override
    protected Trail open(Clock clock, String... instanceIds) {
        InMemoryCircuitTransitionLog first = new InMemoryCircuitTransitionLog(instanceIds[0], clock);
        return new Trail(
                Arrays.stream(instanceIds).collect(Collectors.toMap(Function.identity(), first::forInstance)),
                first,
                () -> {});
    }
}
