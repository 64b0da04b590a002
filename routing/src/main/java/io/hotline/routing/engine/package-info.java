/**
 * The routing engine: one thread owns every seat, call and timer; events arrive on a bounded inbox, commands go
 * out through a sink, and an immutable snapshot is published after every batch for readers (HTTP, metrics).
 * <p>
 * Threading: {@link io.hotline.routing.engine.RoutingEngine} is an {@link io.hotline.routing.loop.Engine}, confined
 * to the routing thread (it creates no thread; {@code app}'s generic engine loop starts one, {@code routing-engine}).
 * {@link io.hotline.routing.engine.RoutingInbox} is thread-safe for producers.
 * Events, commands, configuration and snapshots are immutable and safe on any thread.
 */
package io.hotline.routing.engine;
