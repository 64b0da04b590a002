/**
 * The field leg of the service desk (issue 16): a work order escalated to {@code ON_SITE} becomes a dispatch order
 * sent to the nearest branch on duty that covers the customer's region and product line; the branch's duty manager
 * acknowledges it (10 minutes, else it goes to the next nearest and headquarters is alerted), assigns a field
 * engineer (4 hours, warning at 3), records the appointment; the engineer texts on arrival and completion; 30
 * minutes after completion the branch's supervisor follows up; the result is scored, reported to headquarters, and
 * the service event closes.
 * <p>
 * Shape: these are values and the pure logic of the field leg. The service desk
 * ({@link io.hotline.routing.desk.ServiceDesk}) runs it on its own thread: people's and engineers' actions arrive
 * as {@link io.hotline.routing.field.FieldEvent}s wrapped in the desk's events, and what the field leg decides
 * leaves as {@link io.hotline.routing.field.FieldCommand}s wrapped in the desk's commands. Its deadlines are the
 * desk's timers: persisted in {@link io.hotline.routing.field.StoredDispatch}, restart-safe, each fired once.
 * A dispatch order is numbered by its work order's id (the number the engineers text).
 * <p>
 * Threading: values are immutable and safe on any thread; the logic is confined to the {@code service-desk}
 * thread and does no I/O.
 */
package io.hotline.routing.field;
