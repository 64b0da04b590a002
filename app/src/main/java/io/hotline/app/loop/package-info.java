/**
 * The generic single-writer loop (CONTRIBUTING.md 5): one named thread per engine drains the engine's bounded
 * inbox in batches, fires its timers from an injected clock, publishes its snapshot at the end of each batch and
 * hands its commands on, in order. Written once; the call router ({@code routing-engine}) and the service desk
 * ({@code service-desk}) each run on one.
 * <p>
 * Threading: an {@link io.hotline.app.loop.EngineLoop} owns one thread, the only one that touches its engine and
 * calls its command hand-off; everything else it offers is thread-safe and never blocks.
 */
package io.hotline.app.loop;
