package io.hotline.routing.spi;

import io.hotline.routing.engine.RoutingCommand;

/**
 * Where the end of each callback attempt goes ({@link RoutingCommand.CallbackAttempted}): the callbacks' owner
 * decides what follows (a retry later, or the final state) and records it. Abstract: an attempt's end must be kept,
 * or the callback would stay claimed forever.
 * <p>
 * Threading: called on the {@code routing-engine} thread, at the end of a batch; must return at once and hand any
 * I/O to its own executor.
 */
public interface CallbackAttempts {

    /** One attempt at a callback's customer ended; the callback has left the routing engine. */
    void attempted(RoutingCommand.CallbackAttempted attempt);
}
