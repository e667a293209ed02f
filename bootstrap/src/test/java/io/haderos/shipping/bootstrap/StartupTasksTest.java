package io.haderos.shipping.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class StartupTasksTest {

    private final List<String> closed = new CopyOnWriteArrayList<>();

    @Test
    void aTaskRunsOnItsOwnNamedThreadAndHandsItsResultToTheOneWhoJoins() {
        StartupTasks tasks = new StartupTasks();

        StartupTasks.Task<String> task =
                tasks.start("database", () -> Thread.currentThread().getName(), closed::add);

        assertThat(task.join()).isEqualTo("gateway-start-database");
        tasks.abandon();
        assertThat(closed).as("joined: the wiring owns it").isEmpty();
    }

    @Test
    void abandoningWaitsForWhatIsStillStartingAndClosesWhatNoOneJoined() throws Exception {
        StartupTasks tasks = new StartupTasks();
        CountDownLatch release = new CountDownLatch(1);
        StartupTasks.Task<String> joined = tasks.start("sandbox", () -> "sandbox", closed::add);
        tasks.start(
                "jersey",
                () -> {
                    release.await();
                    return "server";
                },
                closed::add);
        joined.join();

        Thread releaser = new Thread(release::countDown);
        releaser.start();
        tasks.abandon();

        assertThat(closed).containsExactly("server");
    }

    @Test
    void aFailedTaskRethrowsOnJoinAndHasNothingToClose() {
        StartupTasks tasks = new StartupTasks();
        StartupTasks.Task<String> invalid = tasks.start(
                "database",
                () -> {
                    throw new InvalidSettingException("database.url", "cannot be opened");
                },
                closed::add);
        StartupTasks.Task<String> io = tasks.start(
                "sandbox",
                () -> {
                    throw new IOException("port taken");
                },
                closed::add);

        assertThatThrownBy(invalid::join).isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(io::join).isInstanceOf(CompletionException.class).hasCauseInstanceOf(IOException.class);
        tasks.abandon();
        assertThat(closed).isEmpty();
    }

    @Test
    void aFailedTaskThatNoOneJoinedIsPassedOverWhenAbandoning() {
        StartupTasks tasks = new StartupTasks();
        tasks.<String>start(
                "database",
                () -> {
                    throw new IllegalStateException("unreachable");
                },
                closed::add);
        tasks.start("jersey", () -> "server", closed::add);

        tasks.abandon();

        assertThat(closed).containsExactly("server");
    }
}
