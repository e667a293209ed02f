package io.haderos.shipping.application.port.in;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Whether the gateway can serve now: every dependency it cannot do without answers. */
public interface CheckReadinessUseCase {

    /** Asks every dependency, off the calling thread. */
    CompletionStage<Readiness> readiness();

    /** @param problems each failing dependency by name, with what is wrong; empty when ready
     * @param checked  every dependency checked, in order */
    record Readiness(Map<String, String> problems, List<String> checked) {

        public Readiness {
            problems = Map.copyOf(problems);
            checked = List.copyOf(checked);
        }

        public boolean ready() {
            return problems.isEmpty();
        }
    }
}
