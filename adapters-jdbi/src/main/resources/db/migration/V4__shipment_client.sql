-- The client that created each order (its name in api.clients, or 'anonymous' when the gateway authenticates no
-- client). Only that client may read the order or ship under its id again. Orders stored before this column existed
-- have no client (NULL) and stay readable by every client, so that no order becomes unreachable by an upgrade.
ALTER TABLE shipment ADD COLUMN client_name VARCHAR(40);
