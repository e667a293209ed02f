-- One notice per fleet (docs/architecture.md#one-notice-per-fleet): each carrier's outage across every instance
-- sharing the database, and the instances whose breaker is in it. The first live instance to open begins the outage
-- and sends the opening notice; the last live one to serve again ends it and sends the recovery. Each carrier's row
-- stays once made (started_at NULL between outages): every decision about the carrier locks it first.
-- Runs unchanged on H2 2.x and PostgreSQL 15. Timestamps are TIMESTAMP WITHOUT TIME ZONE holding UTC.
CREATE TABLE fleet_outage (
    carrier    VARCHAR(32)  NOT NULL,
    started_at TIMESTAMP,
    opened_by  VARCHAR(100),
    CONSTRAINT fleet_outage_pk PRIMARY KEY (carrier)
);

CREATE TABLE fleet_outage_member (
    carrier     VARCHAR(32)  NOT NULL,
    instance_id VARCHAR(100) NOT NULL,
    since       TIMESTAMP    NOT NULL,
    CONSTRAINT fleet_outage_member_pk PRIMARY KEY (carrier, instance_id)
);

COMMENT ON TABLE fleet_outage IS 'Each carrier''s outage across the fleet: at least one instance''s breaker stops its calls';
COMMENT ON COLUMN fleet_outage.started_at IS 'When the first instance''s breaker stopped the carrier''s calls, UTC; NULL: no outage';
COMMENT ON COLUMN fleet_outage.opened_by IS 'The instance that began the outage and sent its opening notice';
COMMENT ON TABLE fleet_outage_member IS 'Instances whose breaker of the carrier stops its calls now';
