/**
 * The people who use Hotline: accounts, sign-in and sessions ({@link io.hotline.app.people.AccountsService}, which
 * implements web's {@link io.hotline.web.auth.AccountService}), login throttling
 * ({@link io.hotline.app.people.LoginThrottle}), the audit of person actions written to {@code person_audit}
 * ({@link io.hotline.app.people.JdbiPersonAudit}), account administration shared by the CLI
 * ({@code hotline user}) and the admin API, and the small wiring Hotline calls
 * ({@link io.hotline.app.people.People}). And the seat agents' desktop: read models of the seats
 * ({@link io.hotline.app.people.SeatBoard}) and the open work orders ({@link io.hotline.app.people.OpenWorkOrders})
 * fed by the engines' commands, the screen-pop built when a call is offered and answered
 * ({@link io.hotline.app.people.ScreenPops}), what is pushed to desktops ({@link io.hotline.app.people.SeatPush}),
 * and the desktop API's backend ({@link io.hotline.app.people.EngineDesktopBackend}) that asks the engines and
 * answers with their verdicts.
 *
 * <p>Threading: sessions live in a {@link java.util.concurrent.ConcurrentHashMap} read on event loops without
 * blocking; password hashing and every database call run on the bounded {@code accounts-N} executor; revocations
 * made by another process (the CLI) are polled from the database by the {@code accounts-poll} thread; audit rows
 * are written by the single {@code person-audit} thread. The desktop's read models are written only on the engine
 * threads (routing's for seats, the desk's for work orders) and read from any thread: immutable values in
 * concurrent maps. Screen-pops are built on their own bounded executor, never on an engine thread or an event loop.
 */
package io.hotline.app.people;
