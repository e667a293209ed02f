package io.haderos.shipping.adapter.alerts;

import io.haderos.shipping.domain.policy.Alert;
import io.haderos.shipping.domain.policy.OutageNotice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery half that both notifiers share: a bounded queue filled by the carrier calls' threads and emptied,
 * in order, by one daemon thread per notifier that retries the oldest notice with exponential back-off.
 *
 * <p>{@link #enqueue} never blocks and never throws: a full queue drops the notice and counts it. While deliveries
 * fail or notices were dropped, {@link #alerts()} reports it; the next delivered notice clears the report.
 */
final class AlertDelivery implements AutoCloseable {

    /** Notices waiting at most; more are dropped. Ten outages of every carrier fit many times over. */
    static final int DEFAULT_CAPACITY = 1000;

    /** How long {@link #close()} tries to deliver what is queued. */
    static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(5);

    /** Where the notices go. Called on the delivery thread only, one notice at a time. */
    @FunctionalInterface
    interface Channel {

        /** Delivers the notice, or explains in words fit for operators (no secret) why it could not. */
        void deliver(OutageNotice notice) throws DeliveryFailure;
    }

    /** A failed delivery. Carries no cause and no stack trace, so that nothing secret can ride along. */
    static final class DeliveryFailure extends Exception {

        private static final long serialVersionUID = 1L;

        DeliveryFailure(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(AlertDelivery.class);

    private final String channelName;
    private final String breaker;
    private final Channel channel;
    private final RetryPolicy retry;
    private final Clock clock;
    private final Duration closeTimeout;
    private final BlockingQueue<OutageNotice> queue;
    private final ScheduledThreadPoolExecutor executor;
    private final AtomicBoolean active = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final LongAdder failedAttemptsTotal = new LongAdder();
    private final LongAdder droppedTotal = new LongAdder();
    private final AtomicReference<Trouble> trouble = new AtomicReference<>();

    /** Attempts made so far for the notice at the head of the queue; touched by the delivery thread only. */
    private int headAttempts;

    /**
     * A delivery named {@code channelName} for people ("Slack") whose alerts carry {@code breaker} as their
     * {@link Alert#breaker()} ("alerts.slack"). Starts no thread until the first notice arrives.
     */
    AlertDelivery(
            String channelName,
            String breaker,
            Channel channel,
            RetryPolicy retry,
            Clock clock,
            int capacity,
            Duration closeTimeout) {
        this.channelName = Objects.requireNonNull(channelName, "channelName");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.closeTimeout = Objects.requireNonNull(closeTimeout, "closeTimeout");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
        String threadName = breaker.replace('.', '-') + "-delivery";
        this.executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Queues the notice for delivery; returns at once and never throws. */
    void enqueue(OutageNotice notice) {
        try {
            if (notice == null) {
                LOG.warn("{} alerts: ignored a null notice", channelName);
            } else if (closed.get()) {
                dropped(1, "the notifier is closed");
            } else if (!queue.offer(notice)) {
                dropped(1, "the queue is full");
            } else {
                wake();
            }
        } catch (RuntimeException e) {
            // The caller is a carrier call: whatever went wrong here must not become its failure.
            LOG.error(
                    "{} alerts: could not queue a notice ({})",
                    channelName,
                    e.getClass().getName());
        }
    }

    /** At most one alert: deliveries failing (warning) or notices dropped (critical). Cheap, never blocks. */
    List<Alert> alerts() {
        Trouble current = trouble.get();
        if (current == null) {
            return List.of();
        }
        Alert.Severity severity = current.dropped() > 0 ? Alert.Severity.CRITICAL : Alert.Severity.WARNING;
        return List.of(new Alert(breaker, severity, current.describe(channelName, queue.size()), current.since()));
    }

    /**
     * Stops taking notices, tries once more to deliver those waiting (in order, stopping at the first failure)
     * for at most the close timeout, then stops the delivery thread. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Future<?> flushing = executor.submit(this::flush);
            flushing.get(closeTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            int left = queue.size();
            LOG.warn(
                    "{} alerts: stopped after {} with {} not delivered",
                    channelName,
                    NoticeTexts.seconds(closeTimeout),
                    NoticeTexts.count(left, "notice"));
            dropped(left, "the notifier closed before they could be delivered");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RejectedExecutionException e) {
            LOG.error(
                    "{} alerts: could not flush on close ({})",
                    channelName,
                    e.getClass().getName());
        } finally {
            executor.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "AlertDelivery[" + breaker + ", waiting=" + queue.size() + "]";
    }

    private void wake() {
        if (active.compareAndSet(false, true)) {
            try {
                executor.execute(this::deliverNext);
            } catch (RejectedExecutionException e) {
                active.set(false);
            }
        }
    }

    /** One step of the delivery loop, on the delivery thread; schedules the next step itself. */
    private void deliverNext() {
        try {
            step();
        } catch (RuntimeException e) {
            // A step that ends without scheduling the next one would silence this notifier for good.
            LOG.error(
                    "{} alerts: delivery step failed ({}); trying again in {}",
                    channelName,
                    e.getClass().getName(),
                    NoticeTexts.seconds(retry.initialDelay()));
            next(retry.initialDelay());
        }
    }

    private void step() {
        if (closed.get()) {
            return;
        }
        OutageNotice head = queue.peek();
        if (head == null) {
            active.set(false);
            if (!queue.isEmpty()) {
                wake();
            }
            return;
        }
        Optional<String> failure = attempt(head);
        if (failure.isEmpty()) {
            queue.poll();
            headAttempts = 0;
            next(Duration.ZERO);
        } else if (headAttempts >= retry.maxAttempts()) {
            queue.poll();
            LOG.warn(
                    "{} alert delivery failed for {} (attempt {} of {}): {}; giving up on this notice",
                    channelName,
                    NoticeTexts.describe(head),
                    headAttempts,
                    retry.maxAttempts(),
                    failure.get());
            headAttempts = 0;
            dropped(1, "its attempts were exhausted");
            next(Duration.ZERO);
        } else {
            Duration delay = retry.delayAfter(headAttempts);
            LOG.warn(
                    "{} alert delivery failed for {} (attempt {} of {}): {}; retrying in {}",
                    channelName,
                    NoticeTexts.describe(head),
                    headAttempts,
                    retry.maxAttempts(),
                    failure.get(),
                    NoticeTexts.seconds(delay));
            next(delay);
        }
    }

    private void next(Duration delay) {
        try {
            if (delay.isZero()) {
                executor.execute(this::deliverNext);
            } else {
                executor.schedule(this::deliverNext, delay.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (RejectedExecutionException e) {
            // Closed meanwhile: close() has taken over what is queued.
        }
    }

    /** On the delivery thread during close(): one more try per waiting notice, no back-off. */
    private void flush() {
        OutageNotice head;
        while ((head = queue.peek()) != null && !Thread.currentThread().isInterrupted()) {
            Optional<String> failure = attempt(head);
            if (failure.isPresent()) {
                List<OutageNotice> left = new ArrayList<>();
                queue.drainTo(left);
                LOG.warn(
                        "{} alerts: closing with {} not delivered: {}",
                        channelName,
                        NoticeTexts.count(left.size(), "notice"),
                        failure.get());
                dropped(left.size(), "the notifier closed before they could be delivered");
                return;
            }
            queue.poll();
        }
    }

    /** Failed delivery attempts since this delivery started, retries included: for metrics. */
    long failedAttempts() {
        return failedAttemptsTotal.sum();
    }

    /** Notices given up on (attempts exhausted, queue full, closed) since this delivery started: for metrics. */
    long droppedNotices() {
        return droppedTotal.sum();
    }

    /** Delivers the notice once; the reason when it failed. */
    private Optional<String> attempt(OutageNotice notice) {
        headAttempts++;
        String reason;
        try {
            channel.deliver(notice);
            Trouble before = trouble.getAndSet(null);
            LOG.info("{} alert delivered: {}", channelName, NoticeTexts.describe(notice));
            if (before != null) {
                LOG.info(
                        "{} alert delivery works again (in trouble since {}: {} failed, {} dropped)",
                        channelName,
                        NoticeTexts.time(before.since()),
                        NoticeTexts.count(before.failedAttempts(), "attempt"),
                        NoticeTexts.count(before.dropped(), "notice"));
            }
            return Optional.empty();
        } catch (DeliveryFailure e) {
            reason = e.getMessage();
        } catch (RuntimeException e) {
            // Its message could quote what the channel keeps secret (a URL with a token): name the type only.
            reason = "unexpected " + e.getClass().getName();
        }
        Instant now = clock.instant();
        String failure = reason;
        failedAttemptsTotal.increment();
        trouble.updateAndGet(current -> current == null
                ? new Trouble(now, Optional.of(failure), 1, 0)
                : new Trouble(current.since(), Optional.of(failure), current.failedAttempts() + 1, current.dropped()));
        return Optional.of(reason);
    }

    private void dropped(long count, String why) {
        if (count == 0) {
            return;
        }
        droppedTotal.add(count);
        Instant now = clock.instant();
        Trouble before = trouble.getAndUpdate(current -> current == null
                ? new Trouble(now, Optional.empty(), 0, count)
                : new Trouble(
                        current.since(), current.lastFailure(), current.failedAttempts(), current.dropped() + count));
        // A full queue drops many notices in a row: say so once per streak, not once per notice.
        if (before == null || before.dropped() == 0) {
            LOG.warn("{} alerts: dropped {} because {}", channelName, NoticeTexts.count(count, "notice"), why);
        } else {
            LOG.debug("{} alerts: dropped {} because {}", channelName, NoticeTexts.count(count, "notice"), why);
        }
    }

    /** Since when delivery has been in trouble, and how: the last failure, failed attempts, dropped notices. */
    private record Trouble(Instant since, Optional<String> lastFailure, int failedAttempts, long dropped) {

        String describe(String channelName, int waiting) {
            String dropNote = dropped == 0 ? "" : "; " + NoticeTexts.count(dropped, "notice") + " dropped";
            String waitNote = NoticeTexts.count(waiting, "notice") + " waiting";
            return lastFailure
                    .map(failure -> channelName + " alert delivery failing: " + failure + " after "
                            + NoticeTexts.count(failedAttempts, "attempt") + "; " + waitNote + dropNote)
                    .orElseGet(() -> channelName + " alert delivery dropped " + NoticeTexts.count(dropped, "notice")
                            + "; " + waitNote);
        }
    }
}
