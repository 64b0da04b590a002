/**
 * Durable work orders: {@link io.hotline.persistence.workorder.JdbiWorkOrderStore} writes the {@code work_order}
 * table over Jdbi for the journal's entries of an earlier version, opening exactly one work order per call (unique
 * on the Asterisk server and linkedid) together with the first entry of its audit trail.
 *
 * <p>Threading: thread-safe; every method blocks on JDBC and borrows its own handle. Call it from a
 * persistence executor, never from an event loop or the routing thread.
 */
package io.hotline.persistence.workorder;
