/**
 * The service desk: the second pure domain engine beside the call router. It owns the work orders Hotline holds
 * (open ones, and closed ones still inside their reopen window), carries them up the ladder tier 1, tier 2,
 * expert, remote session, on site, to resolved and closed, runs their SLA clocks (response and resolution, per
 * severity, optionally in a contract's business hours, paused while waiting on the customer) and warns at 50 %,
 * 75 % and breach of each clock, exactly once, on the second. A work order sent on site opens its dispatch order,
 * the field leg of {@link io.hotline.routing.field} (branch, duty manager, engineer's SMS check-ins, follow-up,
 * score), run here by {@code FieldWork}, {@code FieldActions} and {@code FieldCheckIns} on the same thread.
 * <p>
 * Shape: {@link io.hotline.routing.desk.ServiceDesk} turns {@link io.hotline.routing.desk.DeskEvent}s into
 * {@link io.hotline.routing.desk.DeskCommand}s, with {@code nextTimer()}, {@code tick()}, {@code snapshot()} and
 * {@code eventsApplied()}: it is an {@link io.hotline.routing.loop.Engine}, like the call engine, so that one
 * generic loop runs both. Every change appends an
 * {@link io.hotline.routing.desk.AuditEvent}; the stored form of a work order
 * ({@link io.hotline.routing.desk.StoredWorkOrder}) is what a restart restores from.
 * <p>
 * Threading: {@code ServiceDesk} is confined to the {@code service-desk} thread (it creates no thread, does no
 * I/O, and reads time only from its injected {@link java.time.InstantSource}). Events, commands, stored forms,
 * configuration and snapshots are immutable and safe on any thread.
 */
package io.hotline.routing.desk;
