-- Gateway processes and their heartbeats (docs/architecture.md#instances-and-heartbeats): one row per process start,
-- under the instance id its audit-trail rows carry. The cluster view tells live, stale and stopped instances apart by
-- them, and the audit queries end the outage of an instance that died while open at its last heartbeat.
-- Runs unchanged on H2 2.x and PostgreSQL 15. Timestamps are TIMESTAMP WITHOUT TIME ZONE holding UTC.
CREATE TABLE gateway_instance (
    instance_id VARCHAR(100) NOT NULL,
    name        VARCHAR(100) NOT NULL,
    started_at  TIMESTAMP    NOT NULL,
    last_seen   TIMESTAMP    NOT NULL,
    stopped_at  TIMESTAMP,
    CONSTRAINT gateway_instance_pk PRIMARY KEY (instance_id)
);

CREATE INDEX gateway_instance_last_seen_idx ON gateway_instance (last_seen);

COMMENT ON TABLE gateway_instance IS 'Gateway processes sharing the database, with their heartbeats';
COMMENT ON COLUMN gateway_instance.instance_id IS 'The process start, as circuit_transition.instance_id';
COMMENT ON COLUMN gateway_instance.name IS 'gateway.instance-name, or the host name';
COMMENT ON COLUMN gateway_instance.last_seen IS 'Its latest heartbeat, UTC; a graceful stop is the last one';
COMMENT ON COLUMN gateway_instance.stopped_at IS 'When it stopped gracefully, UTC; NULL while running or after a crash';
