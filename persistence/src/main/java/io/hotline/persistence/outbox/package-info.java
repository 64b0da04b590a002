/**
 * The durable outbox between Hotline's two engines and the database: what routing asks to keep (decisions,
 * connections, abandons, a call's record, seat states, refusals) and what the service desk decides (work orders
 * opened with the desk's ids and changed, audit events, warnings fired, releases, refusals, notifications per
 * recipient) is appended and fsynced to one local log as typed entries ({@code JournalEntry}, one record per kind;
 * the desk's are {@code DeskEntry}) before it is written to the database, and each database transaction that
 * applies entries also moves a checkpoint, so an entry reaches the database exactly once across database outages
 * and Hotline crashes. The writes decide no state change of their own: the desk does
 * ({@link io.hotline.routing.desk.ServiceDesk}); only a log left by a version before the desk is written with that
 * version's rules ({@code io.hotline.routing.workorder.CallTransitions}).
 * <p>
 * The ports: {@link io.hotline.persistence.outbox.DurableRoutingJournal} (routing's journal),
 * {@link io.hotline.persistence.outbox.JournalServiceDeskStore} (the desk's store, its load at start and the calls
 * left without a work order) and {@link io.hotline.persistence.outbox.JournalNotifier} (the notification inbox).
 * <p>
 * Threading: the engine threads only offer to a bounded queue; a {@code journal-writer} thread owns the log and a
 * {@code journal-db} thread the database writes.
 */
package io.hotline.persistence.outbox;
