/**
 * The database side of the field leg (docs/field-service.md): the branches, their rosters and engineers the desk
 * dispatches to ({@link io.hotline.persistence.field.JdbiFieldDirectory}), the SMS in and out
 * ({@link io.hotline.persistence.field.SmsMessages}: inbound stored once per gateway message id, outbound queued
 * through the journal and sent by app's sender), and the reads of the consoles and headquarters' feed
 * ({@link io.hotline.persistence.field.FieldQueries}). The dispatch orders themselves are written through the
 * durable journal ({@link io.hotline.persistence.outbox.JournalFieldStore}). Every method blocks on I/O: call them
 * on app's database executors, never on an event loop or an engine thread. Thread-safe.
 */
package io.hotline.persistence.field;
