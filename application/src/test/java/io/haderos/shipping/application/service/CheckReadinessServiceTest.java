package io.haderos.shipping.application.service;

import static io.haderos.shipping.domain.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.application.port.in.CheckReadinessUseCase.Readiness;
import io.haderos.shipping.application.port.out.ReadinessCheck;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CheckReadinessServiceTest {

    private final AtomicReference<Optional<String>> database = new AtomicReference<>(Optional.empty());
    private final CheckReadinessService service = new CheckReadinessService(
            List.of(new ReadinessCheck() {
                @Override
                public String name() {
                    return "database";
                }

                @Override
                public Optional<String> problem() {
                    return database.get();
                }
            }),
            Runnable::run);

    @Test
    void readyWhileTheDatabaseAnswersAndNotReadyWhileItDoesNot() {
        assertThat(await(service.readiness()).ready()).isTrue();
        assertThat(await(service.readiness()).checked()).containsExactly("database");

        database.set(Optional.of("no connection within 5 s"));
        Readiness readiness = await(service.readiness());

        assertThat(readiness.ready()).isFalse();
        assertThat(readiness.problems()).containsEntry("database", "no connection within 5 s");
        database.set(Optional.empty());
        assertThat(await(service.readiness()).ready()).isTrue();
    }
}
