/**
 * Seats: the people answering calls, their tier, skills and states. Immutable value types, safe on any thread;
 * the engine keeps the live state on its own thread.
 */
package io.hotline.routing.seat;
