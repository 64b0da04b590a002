package io.hotline.routing.spi;

import io.hotline.routing.engine.RoutingCommand;

/**
 * Where the routing engine's answers to seats' requests go: the feature-code session that waits for one (telephony)
 * completes with it, so the agent hears whether the engine applied the request.
 * <p>
 * Threading: called on the {@code routing-engine} thread. Implementations must not block: they hand the answer to
 * the waiting session's own thread. An answer nobody waits for any more (the wait timed out) is ignored.
 * Implementations are thread-safe.
 */
public interface SeatRequestAnswers {

    /** The engine applied or refused the request {@code answer.requestId()}. */
    void answered(RoutingCommand.SeatRequestAnswered answer);
}
