-- The idempotency store: one row per order, whichever gateway instance shipped it.
-- The primary key on order_id is what makes a second shipment impossible across instances.
-- Timestamps are UTC, stored without a zone so that queries read the same in H2 and PostgreSQL.
CREATE TABLE shipment (
    order_id            VARCHAR(64)   NOT NULL,
    request_fingerprint VARCHAR(128)  NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    carrier             VARCHAR(20),
    tracking_number     VARCHAR(64),
    label_url           VARCHAR(2000),
    fallback            BOOLEAN       NOT NULL,
    created_at          TIMESTAMP     NOT NULL,
    updated_at          TIMESTAMP     NOT NULL,
    resolved_by         VARCHAR(100),
    resolution_found    BOOLEAN,
    resolution_note     VARCHAR(500),
    resolved_at         TIMESTAMP,
    CONSTRAINT shipment_pk PRIMARY KEY (order_id),
    CONSTRAINT shipment_status_known
        CHECK (status IN ('in_progress', 'created', 'outcome_unknown', 'not_created')),
    CONSTRAINT shipment_created_has_tracking
        CHECK (status <> 'created' OR (carrier IS NOT NULL AND tracking_number IS NOT NULL))
);

CREATE INDEX shipment_status_idx ON shipment (status, updated_at);

-- Every carrier asked for the order, in order, with its outcome.
CREATE TABLE shipment_attempt (
    order_id   VARCHAR(64)   NOT NULL,
    attempt_no INTEGER       NOT NULL,
    carrier    VARCHAR(20)   NOT NULL,
    outcome    VARCHAR(30)   NOT NULL,
    detail     VARCHAR(4000) NOT NULL,
    CONSTRAINT shipment_attempt_pk PRIMARY KEY (order_id, attempt_no),
    CONSTRAINT shipment_attempt_shipment_fk FOREIGN KEY (order_id) REFERENCES shipment (order_id) ON DELETE CASCADE
);

-- Per-parcel waybills, where the carrier issues them (SMSA).
CREATE TABLE shipment_parcel (
    order_id        VARCHAR(64) NOT NULL,
    parcel_no       INTEGER     NOT NULL,
    tracking_number VARCHAR(64) NOT NULL,
    CONSTRAINT shipment_parcel_pk PRIMARY KEY (order_id, parcel_no),
    CONSTRAINT shipment_parcel_shipment_fk FOREIGN KEY (order_id) REFERENCES shipment (order_id) ON DELETE CASCADE
);
