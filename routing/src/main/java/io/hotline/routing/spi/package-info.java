/**
 * The ports through which the routing domain meets the world. Other modules implement them (persistence
 * stores work orders and keeps the {@link io.hotline.routing.spi.RoutingJournal}, telephony implements
 * {@link io.hotline.routing.spi.CallControl} and {@link io.hotline.routing.spi.SeatRequestAnswers}, ops and web
 * report health); {@code app} wires them together, so
 * telephony, persistence, ops and web never depend on each other.
 * <p>
 * Threading: each port says on which thread it is called. {@code CallControl}, {@code RoutingJournal} and
 * {@code SeatRequestAnswers} are
 * called on the {@code routing-engine} thread and must never block it: an implementation that does I/O hands the
 * work to its own executor.
 */
package io.hotline.routing.spi;
