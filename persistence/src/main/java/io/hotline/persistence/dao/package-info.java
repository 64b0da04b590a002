/**
 * Jdbi 3 SqlObject DAOs, one per aggregate, over immutable {@code record} rows. SQL runs unchanged on MySQL 8
 * and MariaDB 10.11+; instants go through {@code io.hotline.persistence.internal.UtcInstants} (registered on
 * the {@code Jdbi} by {@code Database}), so every DAO must be obtained from that {@code Jdbi}. Phone numbers are
 * normalised by {@link io.hotline.persistence.dao.PhoneNumbers} on the way in and on lookup.
 *
 * <p>Threading: every method blocks on JDBC. A DAO from {@code Jdbi.onDemand} is thread-safe (each call
 * borrows its own handle); one from {@code Handle.attach} is confined to the thread that owns the handle. Call
 * them from a persistence executor, never from an event loop or the routing thread.
 */
package io.hotline.persistence.dao;
