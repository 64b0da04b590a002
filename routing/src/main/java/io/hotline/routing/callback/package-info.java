/**
 * Callbacks Hotline owes callers: the outcome of one attempt at the customer ({@link
 * io.hotline.routing.callback.CallbackOutcome}), the retry rule ({@link io.hotline.routing.callback.CallbackPolicy})
 * and the callbacks due for routing ({@link io.hotline.routing.callback.DueCallback}). A due callback is routed to a
 * seat like a call ({@link io.hotline.routing.engine.RoutingEvent.CallbackDue}), keeping the caller's place.
 * <p>
 * Threading: immutable values and pure functions, safe on any thread. No I/O.
 */
package io.hotline.routing.callback;
