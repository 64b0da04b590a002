/**
 * The durable outbox between the routing thread and the database: what routing asks to keep (decisions,
 * connections, abandons, a call's record, seat states, refusals) is appended and fsynced to a local log as typed
 * entries ({@code JournalEntry}, one record per kind) before it is written to the
 * work orders, and each database transaction that applies entries also moves a checkpoint, so an entry reaches the
 * database exactly once across database outages and Hotline crashes. The writes decide no state change of their
 * own: routing's rules ({@code io.hotline.routing.workorder.CallTransitions}) do.
 * <p>
 * Threading: the routing thread only offers to a bounded queue; a {@code journal-writer} thread owns the log and a
 * {@code journal-db} thread the database writes.
 */
package io.hotline.persistence.outbox;
