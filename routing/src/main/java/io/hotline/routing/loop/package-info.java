/**
 * What every single-writer engine of Hotline shares (CONTRIBUTING.md 5): an {@link io.hotline.routing.loop.Engine}
 * is a {@code (state, event) -> commands} machine with its own timers and an immutable snapshot, and an
 * {@link io.hotline.routing.loop.Inbox} is the bounded queue its producers offer events to. The call router
 * ({@code routing-engine} thread) and the service desk ({@code service-desk} thread) are both engines; {@code app}'s
 * generic engine loop runs each on its own thread.
 * <p>
 * Threading: this package creates no thread. An {@code Engine} is confined to the one thread that runs it; an
 * {@code Inbox} is safe for any number of producers and the one consumer.
 */
package io.hotline.routing.loop;
