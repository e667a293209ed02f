/** JDBI adapters: the breaker audit trail and the durable shipment store, with their Flyway migrations. */
package io.haderos.shipping.adapter.jdbi;
