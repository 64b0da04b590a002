package io.hotline.routing.engine;

import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatState;
import java.time.Instant;
import java.util.Map;

/**
 * The engine's live view after a batch of events: per queue figures and seat counts per tier and state.
 * Immutable; readers (HTTP, metrics) use this and never touch the engine's state.
 *
 * @param at       when it was taken (engine clock)
 * @param sequence how many events the engine had applied
 * @param queues   queue name to its figures
 * @param seats    tier to state to number of seats
 */
public record RoutingSnapshot(Instant at, long sequence, Map<String, QueueSnapshot> queues,
                              Map<Tier, Map<SeatState, Integer>> seats) {

    /** An empty snapshot, before the engine's first batch. */
    public static RoutingSnapshot empty(Instant at) {
        return new RoutingSnapshot(at, 0, Map.of(), Map.of());
    }

    public RoutingSnapshot {
        queues = Map.copyOf(queues);
        seats = Map.copyOf(seats);
    }

    /** Seats of {@code tier} in {@code state}. */
    public int seats(Tier tier, SeatState state) {
        return seats.getOrDefault(tier, Map.of()).getOrDefault(state, 0);
    }
}
