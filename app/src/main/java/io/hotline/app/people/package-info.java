/**
 * The people's side of Hotline inside the app: read models of the seats ({@link io.hotline.app.people.SeatBoard})
 * and the open work orders ({@link io.hotline.app.people.OpenWorkOrders}) fed by the engines' commands, the
 * screen-pop built when a call is offered and answered ({@link io.hotline.app.people.ScreenPops}), what is pushed
 * to desktops ({@link io.hotline.app.people.SeatPush}), and the desktop API's backend
 * ({@link io.hotline.app.people.EngineDesktopBackend}) that asks the engines and answers with their verdicts.
 *
 * <p>Threading: the read models are written only on the engine threads (routing's for seats, the desk's for work
 * orders) and read from any thread: they hold immutable values in concurrent maps. Screen-pops are built on their
 * own bounded executor, never on an engine thread or an event loop.
 */
package io.hotline.app.people;
