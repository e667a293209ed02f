package io.haderos.shipping.application.service;

import io.haderos.shipping.application.port.in.CheckReadinessUseCase;
import io.haderos.shipping.domain.port.out.ReadinessCheck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Asks every dependency the gateway cannot do without; carriers are not among them (fallback covers them). */
public final class CheckReadinessService implements CheckReadinessUseCase {

    private final List<ReadinessCheck> checks;

    public CheckReadinessService(List<ReadinessCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    @Override
    public Readiness readiness() {
        Map<String, String> problems = new LinkedHashMap<>();
        for (ReadinessCheck check : checks) {
            check.problem().ifPresent(problem -> problems.put(check.name(), problem));
        }
        return new Readiness(problems, checks.stream().map(ReadinessCheck::name).toList());
    }
}
