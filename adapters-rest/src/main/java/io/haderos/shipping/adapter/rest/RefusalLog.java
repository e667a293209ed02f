package io.haderos.shipping.adapter.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs refused authentications quietly enough to survive an attack (docs/architecture.md#security): at most one WARN
 * line per kind and source address per minute. The first refusal from a source is logged at once; the ones that follow
 * within the minute are counted, and the next line, once the minute is over, says how many there were. Remembers at
 * most {@value #MAX_SOURCES} sources; beyond that the longest quiet is forgotten. Never logs a token.
 */
final class RefusalLog {

    static final Duration WINDOW = Duration.ofMinutes(1);
    static final int MAX_SOURCES = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);

    private final Clock clock;
    private final Logger log;
    /** Per "kind source": when its last line was written and how many refusals followed unlogged. In access order. */
    private final Map<String, Window> windows = new LinkedHashMap<>(64, 0.75f, true);

    RefusalLog(Clock clock) {
        this(clock, LOG);
    }

    RefusalLog(Clock clock, Logger log) {
        this.clock = clock;
        this.log = log;
    }

    /**
     * A refusal of {@code kind} ({@code client} or {@code admin}) from {@code source} for {@code reason}, on
     * {@code method} and {@code path} (the raw path, without query).
     */
    void refused(AccessObserver.Kind kind, String source, AccessObserver.Reason reason, String method, String path) {
        Instant now = clock.instant();
        long unlogged;
        synchronized (windows) {
            String key = kind.tag() + " " + source;
            Window window = windows.get(key);
            if (window != null && now.isBefore(window.loggedAt.plus(WINDOW))) {
                window.unlogged++;
                return;
            }
            unlogged = window == null ? 0 : window.unlogged;
            windows.put(key, new Window(now));
            if (windows.size() > MAX_SOURCES) {
                windows.remove(windows.keySet().iterator().next());
            }
        }
        log.warn(
                "refused {} authentication from {} ({} {}): {}{}",
                kind.tag(),
                source,
                method,
                path,
                reason.tag(),
                unlogged == 0 ? "" : "; " + unlogged + " more refused from there since the previous line");
    }

    private static final class Window {
        final Instant loggedAt;
        long unlogged;

        Window(Instant loggedAt) {
            this.loggedAt = loggedAt;
        }
    }
}
