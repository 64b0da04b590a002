/**
 * The desktop benchmark: a whole running Hotline with a thousand agents' desktops connected to its push channel
 * ({@code /ws}), calls sent through FastAGI at a steady rate, and the time from the moment the generator, playing
 * Asterisk, sees the offer ({@code SET VARIABLE HOTLINE_TARGET}) until the seat's desktop receives the
 * {@code screen_pop} of phase {@code offered} for that call; both instants are {@link System#nanoTime()} in the
 * generator's one JVM. Driven by {@link io.hotline.benchmarks.desktop.DesktopPops}, run by
 * {@code benchmarks/desktop-pops.sh}; figures in {@code docs/benchmarks.md}. API: {@code docs/api.md}.
 * <p>
 * Threading: the desktops' WebSockets share one Netty event-loop group (web's test {@code PushClients}); a pop
 * completes its call's future on that loop. Each simulated call runs on a thread of a bounded pool with blocking
 * loopback sockets (as {@code RouteToDial} does); one dispatcher thread starts the calls at the steady rate.
 * Every run is bounded in calls and seconds.
 */
package io.hotline.benchmarks.desktop;
