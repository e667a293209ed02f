-- Operator overrides of the breakers, for every gateway instance sharing the database
-- (docs/architecture.md#fleet-overrides): the latest order for each carrier. Every instance reads it at start-up and
-- follows it while running (PostgreSQL: LISTEN/NOTIFY and polling; H2: polling), and applies each revision once.
-- Runs unchanged on H2 2.x and PostgreSQL 15. Timestamps are TIMESTAMP WITHOUT TIME ZONE holding UTC.
CREATE TABLE breaker_override (
    carrier   VARCHAR(32)  NOT NULL,
    revision  BIGINT       NOT NULL,
    target    VARCHAR(16)  NOT NULL,
    actor     VARCHAR(100) NOT NULL,
    reason    VARCHAR(500) NOT NULL,
    given_at  TIMESTAMP    NOT NULL,
    ends_at   TIMESTAMP,
    CONSTRAINT breaker_override_pk PRIMARY KEY (carrier),
    CONSTRAINT breaker_override_target_known CHECK (target IN ('forced_open', 'disabled', 'closed')),
    CONSTRAINT breaker_override_closed_has_no_end CHECK (ends_at IS NULL OR target <> 'closed')
);

COMMENT ON TABLE breaker_override IS 'The latest operator order for each carrier''s breakers, on every instance';
COMMENT ON COLUMN breaker_override.revision IS '1, 2, 3 ... per carrier: each instance applies each revision once';
COMMENT ON COLUMN breaker_override.target IS 'forced_open, disabled or closed';
COMMENT ON COLUMN breaker_override.actor IS 'The operator who gave the order';
COMMENT ON COLUMN breaker_override.reason IS 'Why, as the operator wrote it';
COMMENT ON COLUMN breaker_override.given_at IS 'When the order was given, UTC';
COMMENT ON COLUMN breaker_override.ends_at IS 'When a forced_open or disabled order ends by itself, UTC; NULL: an operator ends it';
