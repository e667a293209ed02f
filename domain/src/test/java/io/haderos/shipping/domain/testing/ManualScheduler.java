package io.haderos.shipping.domain.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler whose time is a {@link MutableClock}: nothing runs until a test calls {@link #advance}, which moves the
 * clock from one due task to the next and runs each on the test's thread, in order. {@link #execute} runs at once.
 */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    private final MutableClock clock;
    private final PriorityQueue<Task<?>> tasks = new PriorityQueue<>(
            Comparator.<Task<?>>comparingLong(t -> t.dueMillis).thenComparingLong(t -> t.order));
    private long order;
    private boolean shutdown;

    public ManualScheduler(MutableClock clock) {
        this.clock = clock;
    }

    public MutableClock clock() {
        return clock;
    }

    /** Moves the clock by {@code duration}, running every task that falls due on the way, at its due time. */
    public void advance(Duration duration) {
        long end = clock.millis() + duration.toMillis();
        while (true) {
            Task<?> next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.dueMillis > end) {
                    break;
                }
                tasks.poll();
            }
            if (next.dueMillis > clock.millis()) {
                clock.advance(Duration.ofMillis(next.dueMillis - clock.millis()));
            }
            next.runOnce();
        }
        if (end > clock.millis()) {
            clock.advance(Duration.ofMillis(end - clock.millis()));
        }
    }

    /** Runs the tasks due now without moving the clock. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** Tasks waiting to run (cancelled ones excluded). */
    public synchronized int pending() {
        return (int) tasks.stream().filter(t -> !t.isCancelled()).count();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return add(new Task<>(new FutureTask<>(command, null), due(delay, unit), 0));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return add(new Task<>(new FutureTask<>(callable), due(delay, unit), 0));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return add(new Task<>(command, due(initialDelay, unit), unit.toMillis(period)));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return scheduleAtFixedRate(command, initialDelay, delay, unit);
    }

    @Override
    public void execute(Runnable command) {
        command.run();
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
        tasks.clear();
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown();
        return new ArrayList<>();
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return isShutdown();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }

    private long due(long delay, TimeUnit unit) {
        return clock.millis() + Math.max(0, unit.toMillis(delay));
    }

    private synchronized <V> Task<V> add(Task<V> task) {
        if (!shutdown) {
            task.order = order++;
            tasks.add(task);
        }
        return task;
    }

    private final class Task<V> implements ScheduledFuture<V> {
        private final Runnable body;
        private final long periodMillis;
        private long dueMillis;
        private long order;
        private volatile boolean cancelled;
        private volatile boolean done;

        Task(Runnable body, long dueMillis, long periodMillis) {
            this.body = body;
            this.dueMillis = dueMillis;
            this.periodMillis = periodMillis;
        }

        void runOnce() {
            if (cancelled) {
                return;
            }
            body.run();
            if (periodMillis > 0 && !cancelled) {
                dueMillis += periodMillis;
                add(this);
            } else {
                done = true;
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueMillis - clock.millis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.MILLISECONDS), other.getDelay(TimeUnit.MILLISECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (done) {
                return false;
            }
            cancelled = true;
            synchronized (ManualScheduler.this) {
                tasks.remove(this);
            }
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        @SuppressWarnings("unchecked")
        public V get() {
            if (body instanceof FutureTask<?> task && task.isDone()) {
                try {
                    return (V) task.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            throw new IllegalStateException("not run yet: advance the scheduler");
        }

        @Override
        public V get(long timeout, TimeUnit unit) {
            return get();
        }
    }
}
