/**
 * The durable outbox between the routing thread and the database: what routing asks to keep (decisions,
 * connections, abandons) is appended and fsynced to a local log before it is written to the work orders, and
 * each database transaction that applies entries also moves a checkpoint, so an entry reaches the database exactly
 * once across database outages and Hotline crashes.
 * <p>
 * Threading: the routing thread only offers to a bounded queue; one {@code journal-writer} thread owns the log
 * and the database writes.
 */
package io.hotline.persistence.outbox;
