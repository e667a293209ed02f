-- Retention (docs/architecture.md#retention): breaker transitions are deleted after audit.retention-days, and the
-- personal data of orders unchanged for orders.personal-data-days is erased while their idempotency record stays.
-- Runs unchanged on H2 2.x and PostgreSQL 15. Timestamps are TIMESTAMP WITHOUT TIME ZONE holding UTC.

-- The retention job deletes the oldest transitions first, in small batches: without this index every batch would
-- scan the whole table (the carrier's index does not lead with the time). IF NOT EXISTS: on a very large table an
-- operator may build it beforehand without blocking writes (PostgreSQL: CREATE INDEX CONCURRENTLY, see
-- docs/deployment.md), and this migration then leaves it be.
CREATE INDEX IF NOT EXISTS circuit_transition_occurred_at_idx ON circuit_transition (occurred_at);

ALTER TABLE shipment ADD COLUMN personal_data_erased_at TIMESTAMP;

-- Finds the orders still to erase, oldest first, and the batch a run has just marked.
CREATE INDEX IF NOT EXISTS shipment_personal_data_idx ON shipment (personal_data_erased_at, updated_at);

COMMENT ON COLUMN shipment.personal_data_erased_at IS
    'When the retention erased the order''s personal data (attempt details, label link, resolution note), UTC; NULL while it holds them';
