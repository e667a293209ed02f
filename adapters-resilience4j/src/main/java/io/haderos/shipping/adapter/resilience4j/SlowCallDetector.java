package io.haderos.shipping.adapter.resilience4j;

import io.haderos.shipping.domain.policy.CarrierOperation;
import java.time.Clock;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Finds calls that stay in flight past their operation's slow-call threshold, while they are still in flight.
 *
 * <p>All calls of one operation share one threshold, so they cross it in the order they started: each operation
 * keeps its calls in a FIFO queue and one timer, armed only while calls are queued, for the deadline of the oldest.
 * When it fires, it drops the calls that have ended and hands those past the deadline to {@code onSlow}. Tracking a
 * call costs one queue node and, at most, one timer for every threshold's worth of calls: far cheaper than a timer
 * per call.
 */
final class SlowCallDetector {

    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Consumer<InFlightCall<?>> onSlow;
    private final Lane[] lanes;

    SlowCallDetector(
            SlowCallThresholds thresholds,
            Clock clock,
            ScheduledExecutorService scheduler,
            Consumer<InFlightCall<?>> onSlow) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.onSlow = onSlow;
        CarrierOperation[] operations = CarrierOperation.values();
        this.lanes = new Lane[operations.length];
        for (CarrierOperation operation : operations) {
            lanes[operation.ordinal()] = new Lane(thresholds.of(operation).toMillis());
        }
    }

    /** Watches {@code call} until it ends or crosses its threshold. */
    void track(InFlightCall<?> call) {
        Lane lane = lanes[call.operation.ordinal()];
        lane.calls.offer(call);
        arm(lane);
    }

    private void arm(Lane lane) {
        if (!lane.armed.compareAndSet(false, true)) {
            return;
        }
        InFlightCall<?> oldest = lane.calls.peek();
        long delay =
                oldest == null ? lane.thresholdMillis : oldest.startedMillis + lane.thresholdMillis - clock.millis();
        try {
            scheduler.schedule(() -> sweep(lane), Math.max(1, delay), TimeUnit.MILLISECONDS);
        } catch (RuntimeException rejected) {
            // The scheduler is shutting down: nothing will be slow any more.
            lane.armed.set(false);
        }
    }

    /** Only the timer takes calls off a lane, so a call seen at the head is the one removed. */
    private void sweep(Lane lane) {
        long now = clock.millis();
        InFlightCall<?> head;
        while ((head = lane.calls.peek()) != null) {
            if (head.isRunning() && head.startedMillis + lane.thresholdMillis > now) {
                break;
            }
            lane.calls.poll();
            if (head.markSlow()) {
                try {
                    onSlow.accept(head);
                } catch (RuntimeException e) {
                    // counting must never stop the sweep
                }
            }
        }
        lane.armed.set(false);
        if (!lane.calls.isEmpty()) {
            arm(lane);
        }
    }

    private static final class Lane {
        final long thresholdMillis;
        final ConcurrentLinkedQueue<InFlightCall<?>> calls = new ConcurrentLinkedQueue<>();
        final AtomicBoolean armed = new AtomicBoolean();

        Lane(long thresholdMillis) {
            this.thresholdMillis = thresholdMillis;
        }
    }
}
