-- Audit queries over the breaker audit trail (table circuit_transition, docs/architecture.md#audit-trail) and the
-- gateway instances' heartbeats (table gateway_instance, docs/architecture.md#instances-and-heartbeats).
--
-- Each query runs as written in H2's shell and in psql, for example
--   java -cp h2.jar org.h2.tools.Shell -url jdbc:h2:file:./data/gateway < docs/audit-queries.sql
--   psql -h 127.0.0.1 -U postgres test -f docs/audit-queries.sql      (the development database)
-- or paste one query at a time. Stop the gateway first when it uses an H2 file: H2 lets one process
-- open it (unless the gateway URL ends with AUTO_SERVER=TRUE).
--
-- Terms used below:
--   * All times are UTC. A day is a UTC calendar day.
--   * A serving state is closed or disabled: calls reach the carrier.
--   * An opening is a transition into open or forced_open from a serving state. A failed half-open
--     trial (half_open to open) is not a new opening: it belongs to the outage already running.
--   * An outage of one breaker (one instance_id and carrier) starts at an opening and ends at that
--     breaker's next transition into a serving state. Half-open trials in between stay inside it.
--   * An instance is dead once it stopped (stopped_at is set) or has sent no heartbeat for 30 seconds
--     (the default cluster.heartbeat-timeout: change the 30 in these queries if you changed it).
--     An outage of a dead instance that never served again ends at that instance's last heartbeat
--     (gateway_instance.last_seen): a process that died or stopped while its breaker was open does not
--     count as an outage forever. Any other outage without an end is still going and counts until now
--     (CURRENT_TIMESTAMP), as does one of an instance that left no heartbeat at all (it ran before
--     heartbeats were recorded).
--   * Durations are in seconds.
--   * The queries read what the retention has kept (docs/architecture.md#retention): transitions older than
--     audit.retention-days (400 by default) are deleted daily, and so are instances last seen before then. An
--     outage that began before that cut-off has lost its opening, and a breaker whose latest transition is older
--     no longer shows in current_state_per_instance. The oldest row kept:
--       SELECT MIN(occurred_at) FROM circuit_transition;
--
-- AuditQueriesIT (module adapters-jdbi) splits this file on its "-- name:" lines and runs every
-- query, as written, on H2 and PostgreSQL.

-- name: openings_per_day
-- Openings per carrier per day, summed over all gateway instances.
-- Read: each row says how many times on that UTC day a breaker of that carrier stopped serving calls.
-- Days without openings are not listed.
SELECT carrier,
       CAST(occurred_at AS DATE) AS day_utc,
       COUNT(*) AS openings
FROM circuit_transition
WHERE to_state IN ('open', 'forced_open')
  AND from_state IN ('closed', 'disabled')
GROUP BY carrier, CAST(occurred_at AS DATE)
ORDER BY day_utc, carrier;

-- name: time_open_per_day
-- Total time open per carrier per day: the seconds of that UTC day during which at least one
-- instance had the carrier's breaker in an outage. Overlapping outages of several instances count
-- once, and an outage that spans midnight is split between the days it touches.
-- Read: seconds_open of 3600 means the carrier was cut off (on at least one instance) for one hour
-- of that day. 86400 is the whole day. The row of today grows while an outage is still going on a
-- live instance; a dead instance's outage stops counting at its last heartbeat.
WITH RECURSIVE
outage (carrier, started_s, ended_s) AS (
    SELECT o.carrier,
           EXTRACT(EPOCH FROM o.occurred_at),
           COALESCE(EXTRACT(EPOCH FROM (
                        SELECT MIN(c.occurred_at)
                        FROM circuit_transition c
                        WHERE c.instance_id = o.instance_id
                          AND c.carrier = o.carrier
                          AND c.sequence > o.sequence
                          AND c.to_state IN ('closed', 'disabled'))),
                    CASE WHEN i.stopped_at IS NOT NULL
                           OR EXTRACT(EPOCH FROM i.last_seen) < EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) - 30
                         THEN GREATEST(EXTRACT(EPOCH FROM i.last_seen), EXTRACT(EPOCH FROM o.occurred_at))
                         ELSE EXTRACT(EPOCH FROM CURRENT_TIMESTAMP)
                    END)
    FROM circuit_transition o
    LEFT JOIN gateway_instance i ON i.instance_id = o.instance_id
    WHERE o.to_state IN ('open', 'forced_open')
      AND o.from_state IN ('closed', 'disabled')
),
ordered (carrier, started_s, ended_s, earlier_end_s) AS (
    SELECT carrier, started_s, ended_s,
           MAX(ended_s) OVER (PARTITION BY carrier ORDER BY started_s, ended_s
                              ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
    FROM outage
),
spell (carrier, started_s, ended_s, spell_no) AS (
    SELECT carrier, started_s, ended_s,
           SUM(CASE WHEN earlier_end_s IS NULL OR started_s > earlier_end_s THEN 1 ELSE 0 END)
               OVER (PARTITION BY carrier ORDER BY started_s, ended_s ROWS UNBOUNDED PRECEDING)
    FROM ordered
),
merged (carrier, started_s, ended_s) AS (
    SELECT carrier, MIN(started_s), MAX(ended_s)
    FROM spell
    GROUP BY carrier, spell_no
),
piece (carrier, day_s, started_s, ended_s) AS (
    SELECT carrier, FLOOR(started_s / 86400) * 86400, started_s, ended_s
    FROM merged
    UNION ALL
    SELECT carrier, day_s + 86400, started_s, ended_s
    FROM piece
    WHERE day_s + 86400 < ended_s
)
SELECT carrier,
       CAST(DATE '1970-01-01' + CAST(day_s / 86400 AS INTEGER) * INTERVAL '1' DAY AS DATE) AS day_utc,
       ROUND(SUM(LEAST(ended_s, day_s + 86400) - GREATEST(started_s, day_s))) AS seconds_open
FROM piece
GROUP BY carrier, day_s
ORDER BY day_utc, carrier;

-- name: flapping
-- Flapping: three or more openings of one carrier (all instances together) within one hour.
-- Read: each row is an hour that begins at an opening (hour_from) and holds that many openings, the
-- last at last_opening_at. Overlapping rows of one carrier belong to the same bout of flapping.
WITH opening AS (
    SELECT id, carrier, occurred_at
    FROM circuit_transition
    WHERE to_state IN ('open', 'forced_open')
      AND from_state IN ('closed', 'disabled')
)
SELECT hour_start.carrier,
       hour_start.occurred_at AS hour_from,
       MAX(other.occurred_at) AS last_opening_at,
       COUNT(*) AS openings
FROM opening hour_start
JOIN opening other
  ON other.carrier = hour_start.carrier
 AND other.occurred_at >= hour_start.occurred_at
 AND other.occurred_at < hour_start.occurred_at + INTERVAL '1' HOUR
GROUP BY hour_start.id, hour_start.carrier, hour_start.occurred_at
HAVING COUNT(*) >= 3
ORDER BY hour_start.carrier, hour_start.occurred_at;

-- name: longest_outage
-- The longest outage of any one breaker per carrier.
-- Read: the carrier was cut off on that instance from started_at for seconds_open seconds. ended_by
-- says how it ended: served_again (the breaker closed or was disabled at ended_at) or last_heartbeat
-- (the instance died or stopped while open: ended_at is its last heartbeat). Both are NULL while the
-- outage is still going: seconds_open then counts until now.
WITH outage (instance_id, carrier, started_at, served_again_at, last_heartbeat) AS (
    SELECT o.instance_id, o.carrier, o.occurred_at,
           (SELECT MIN(c.occurred_at)
            FROM circuit_transition c
            WHERE c.instance_id = o.instance_id
              AND c.carrier = o.carrier
              AND c.sequence > o.sequence
              AND c.to_state IN ('closed', 'disabled')),
           CASE WHEN i.stopped_at IS NOT NULL
                  OR EXTRACT(EPOCH FROM i.last_seen) < EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) - 30
                THEN GREATEST(i.last_seen, o.occurred_at)
           END
    FROM circuit_transition o
    LEFT JOIN gateway_instance i ON i.instance_id = o.instance_id
    WHERE o.to_state IN ('open', 'forced_open')
      AND o.from_state IN ('closed', 'disabled')
),
measured (instance_id, carrier, started_at, ended_at, ended_by, seconds_open) AS (
    SELECT instance_id, carrier, started_at,
           COALESCE(served_again_at, last_heartbeat),
           CASE WHEN served_again_at IS NOT NULL THEN 'served_again'
                WHEN last_heartbeat IS NOT NULL THEN 'last_heartbeat'
           END,
           COALESCE(EXTRACT(EPOCH FROM served_again_at), EXTRACT(EPOCH FROM last_heartbeat),
                    EXTRACT(EPOCH FROM CURRENT_TIMESTAMP))
               - EXTRACT(EPOCH FROM started_at)
    FROM outage
),
ranked (instance_id, carrier, started_at, ended_at, ended_by, seconds_open, place) AS (
    SELECT instance_id, carrier, started_at, ended_at, ended_by, seconds_open,
           ROW_NUMBER() OVER (PARTITION BY carrier ORDER BY seconds_open DESC, started_at)
    FROM measured
)
SELECT carrier, instance_id, started_at, ended_at, ended_by, ROUND(seconds_open) AS seconds_open
FROM ranked
WHERE place = 1
ORDER BY carrier;

-- name: current_state_per_instance
-- The current state of each breaker of each instance: its latest transition (by occurred_at, then
-- sequence), with the instance's last heartbeat and status. A breaker that never moved has no row:
-- it is closed since its instance started.
-- Read: state is where the breaker went at since. instance_status is live (a heartbeat within the
-- last 30 seconds), stale (none for 30 seconds and no graceful stop: it died, or lost the database)
-- or stopped; a stale or stopped instance's state is only where it was left. NULL: the instance left
-- no heartbeat.
SELECT latest.instance_id, latest.carrier, latest.to_state AS state, latest.occurred_at AS since,
       latest.sequence, latest.cause, latest.actor, i.last_seen,
       CASE WHEN i.instance_id IS NULL THEN NULL
            WHEN i.stopped_at IS NOT NULL THEN 'stopped'
            WHEN EXTRACT(EPOCH FROM i.last_seen) < EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) - 30 THEN 'stale'
            ELSE 'live'
       END AS instance_status
FROM (
    SELECT t.instance_id, t.carrier, t.to_state, t.occurred_at, t.sequence, t.cause, t.actor,
           ROW_NUMBER() OVER (PARTITION BY t.instance_id, t.carrier
                              ORDER BY t.occurred_at DESC, t.sequence DESC) AS place
    FROM circuit_transition t
) latest
LEFT JOIN gateway_instance i ON i.instance_id = latest.instance_id
WHERE latest.place = 1
ORDER BY latest.instance_id, latest.carrier;

-- name: instances
-- Every gateway instance that recorded heartbeats: when it started, its last heartbeat, when it
-- stopped gracefully, and its status now (as in current_state_per_instance; 30 seconds is the
-- default cluster.heartbeat-timeout).
-- Read: a stale instance died or cannot reach the database; its open breakers count no longer than
-- its last heartbeat in the queries above.
SELECT instance_id, name, started_at, last_seen, stopped_at,
       CASE WHEN stopped_at IS NOT NULL THEN 'stopped'
            WHEN EXTRACT(EPOCH FROM last_seen) < EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) - 30 THEN 'stale'
            ELSE 'live'
       END AS status
FROM gateway_instance
ORDER BY started_at, instance_id;
