package io.haderos.shipping.bootstrap;

import io.haderos.shipping.application.port.out.RetentionObserver;
import io.haderos.shipping.domain.policy.RetentionPeriods;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One log line per retention run (docs/architecture.md#retention): INFO with what it removed, WARN when it failed. */
final class RetentionLog implements RetentionObserver {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionLog.class);

    private final RetentionPeriods periods;

    RetentionLog(RetentionPeriods periods) {
        this.periods = periods;
    }

    @Override
    public void completed(RetentionRun run) {
        LOG.info(
                "retention: deleted {} breaker transitions older than {} days, erased the personal data of {} orders "
                        + "unchanged for {} days",
                run.transitionsDeleted(),
                periods.auditTrail().toDays(),
                run.ordersErased(),
                periods.personalData().toDays());
    }

    @Override
    public void failed(RetentionRun sofar, RuntimeException failure) {
        LOG.warn(
                "retention stopped after deleting {} breaker transitions and erasing {} orders' personal data; "
                        + "the rest waits for the next run: {}",
                sofar.transitionsDeleted(),
                sofar.ordersErased(),
                failure.getMessage());
    }
}
