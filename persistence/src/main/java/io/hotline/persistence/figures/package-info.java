/**
 * The service desk's figures read from the database for metrics and reports:
 * {@link io.hotline.persistence.figures.ServiceFiguresQuery} streams the work orders' histories of a period (the
 * desk's audit trail in {@code work_order_event}, the customer and product line of {@code work_order}) and hands
 * them to {@link io.hotline.routing.desk.ServiceFigures}, which holds the rules (first-contact resolution, solved
 * without a visit); the SQL only selects rows. Read-only.
 * <p>
 * Threading: thread-safe; every query blocks on JDBC and borrows its own handle. Call it from a persistence or
 * report executor, never from an engine thread or an event loop.
 */
package io.hotline.persistence.figures;
