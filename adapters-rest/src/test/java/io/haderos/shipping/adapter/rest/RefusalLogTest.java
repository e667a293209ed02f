package io.haderos.shipping.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.adapter.rest.AccessObserver.Kind;
import io.haderos.shipping.adapter.rest.AccessObserver.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** Refused authentications are logged at most once a minute per kind and source, with a count of the rest. */
class RefusalLogTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final CapturingLogger logger = new CapturingLogger();
    private final RefusalLog log = new RefusalLog(clock, logger);

    @Test
    void givenAThousandRefusalsFromOneSourceInAMinute_thenOneLine_andTheNextMinutesLineCountsTheRest() {
        for (int i = 0; i < 1000; i++) {
            log.refused(Kind.ADMIN, "203.0.113.7", Reason.UNKNOWN_TOKEN, "PUT", "/api/v1/x");
            clock.advance(Duration.ofMillis(50));
        }
        assertThat(logger.lines).hasSize(1);
        assertThat(logger.lines.get(0))
                .contains("refused admin authentication from 203.0.113.7")
                .contains("unknown_token");

        clock.advance(Duration.ofSeconds(10));
        log.refused(Kind.ADMIN, "203.0.113.7", Reason.MISSING, "PUT", "/api/v1/x");

        assertThat(logger.lines).hasSize(2);
        assertThat(logger.lines.get(1)).contains("missing").contains("999 more refused from there");
    }

    @Test
    void givenRefusalsFromTwoSourcesOrOfTwoKinds_thenEachIsLoggedOnItsOwn() {
        log.refused(Kind.CLIENT, "198.51.100.1", Reason.MISSING, "POST", "/orders/A/ship");
        log.refused(Kind.CLIENT, "198.51.100.2", Reason.MISSING, "POST", "/orders/A/ship");
        log.refused(Kind.ADMIN, "198.51.100.1", Reason.MISSING, "PUT", "/api/v1/x");
        log.refused(Kind.CLIENT, "198.51.100.1", Reason.MISSING, "POST", "/orders/A/ship");

        assertThat(logger.lines).hasSize(3);
    }

    @Test
    void givenMoreSourcesThanItRemembers_thenMemoryStaysBoundedAndNewSourcesAreStillLogged() {
        for (int i = 0; i < RefusalLog.MAX_SOURCES + 10; i++) {
            log.refused(Kind.CLIENT, "source-" + i, Reason.MISSING, "GET", "/");
        }

        assertThat(logger.lines).hasSize(RefusalLog.MAX_SOURCES + 10);
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Keeps every WARN line, formatted. */
    private static final class CapturingLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(
                Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
            lines.add(MessageFormatter.basicArrayFormat(pattern, arguments));
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }
    }
}
