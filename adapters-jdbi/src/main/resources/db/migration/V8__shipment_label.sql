-- Labels (docs/architecture.md#labels): each created shipment's printable labels, kept with it so that a label can be
-- printed again while its carrier is down. One row per label: per parcel where the carrier issues them per parcel
-- (SMSA), else one for the whole shipment (parcel 1). The bytes are NULL while only the carrier's link to them is
-- known (Aramex); the gateway fetches them soon after. Nothing larger than 5 MB is kept.
-- Runs unchanged on H2 2.x and PostgreSQL 15.
CREATE TABLE shipment_label (
    order_id   VARCHAR(64)   NOT NULL,
    parcel_no  INTEGER       NOT NULL,
    format     VARCHAR(3)    NOT NULL,
    content    BYTEA,
    source_url VARCHAR(2000),
    CONSTRAINT shipment_label_pk PRIMARY KEY (order_id, parcel_no),
    CONSTRAINT shipment_label_shipment_fk FOREIGN KEY (order_id) REFERENCES shipment (order_id) ON DELETE CASCADE,
    CONSTRAINT shipment_label_format_known CHECK (format IN ('pdf', 'zpl')),
    CONSTRAINT shipment_label_parcel_positive CHECK (parcel_no >= 1),
    CONSTRAINT shipment_label_at_most_5_mb CHECK (content IS NULL OR OCTET_LENGTH(content) <= 5242880),
    CONSTRAINT shipment_label_bytes_or_link CHECK (content IS NOT NULL OR source_url IS NOT NULL)
);

-- Shipments stored before labels were: the link the carrier gave becomes a label whose bytes are fetched on demand.
-- shipment.label_url stays for instances still running the previous version, which write it; this one no longer does.
INSERT INTO shipment_label (order_id, parcel_no, format, content, source_url)
SELECT order_id, 1, 'pdf', NULL, label_url FROM shipment WHERE status = 'created' AND label_url IS NOT NULL;

COMMENT ON TABLE shipment_label IS 'Each created shipment''s labels: bytes (at most 5 MB, PDF or ZPL) or the carrier''s link';
