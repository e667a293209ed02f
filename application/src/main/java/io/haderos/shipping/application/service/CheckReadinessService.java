package io.haderos.shipping.application.service;

import io.haderos.shipping.application.port.in.CheckReadinessUseCase;
import io.haderos.shipping.application.port.out.ReadinessCheck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** Asks every dependency the gateway cannot do without; carriers are not among them (fallback covers them). */
public final class CheckReadinessService implements CheckReadinessUseCase {

    private final List<ReadinessCheck> checks;
    private final BlockingWork work;

    /** @param blockingExecutor the bounded executor for blocking calls: the checks run there */
    public CheckReadinessService(List<ReadinessCheck> checks, Executor blockingExecutor) {
        this.checks = List.copyOf(checks);
        this.work = new BlockingWork(blockingExecutor);
    }

    @Override
    public CompletionStage<Readiness> readiness() {
        return work.supply(this::readinessNow);
    }

    private Readiness readinessNow() {
        Map<String, String> problems = new LinkedHashMap<>();
        for (ReadinessCheck check : checks) {
            check.problem().ifPresent(problem -> problems.put(check.name(), problem));
        }
        return new Readiness(problems, checks.stream().map(ReadinessCheck::name).toList());
    }
}
