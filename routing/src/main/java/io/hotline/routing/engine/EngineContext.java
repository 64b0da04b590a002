package io.hotline.routing.engine;

import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The state shared by the engine's handlers: seats, calls, indexes, timers, figures, and where commands go
 * during the current event. Mutable, confined to the routing thread.
 */
final class EngineContext {
    final RoutingConfig config;
    final SkillCatalog skills = new SkillCatalog();
    final Map<String, SeatRecord> seats = new HashMap<>();
    final List<SeatRecord> seatList = new ArrayList<>();
    final Map<String, CallRecord> calls = new HashMap<>();
    final ReadySeats ready = new ReadySeats();
    final WaitingCalls waiting = new WaitingCalls(skills);
    final Timers timers = new Timers();
    final Map<String, QueueStats> stats = new HashMap<>();
    /** [tier][state] -> seats. */
    final int[][] seatCounts = new int[Tier.values().length][SeatState.values().length];
    long nowMs;
    long callSequence;
    private Consumer<? super RoutingCommand> sink = command -> { };

    EngineContext(RoutingConfig config) {
        this.config = config;
        config.queues().keySet().forEach(queue -> stats.put(queue, new QueueStats(config.assumedHandleTime())));
    }

    void emitTo(Consumer<? super RoutingCommand> newSink) {
        this.sink = newSink;
    }

    void emit(RoutingCommand command) {
        sink.accept(command);
    }

    QueueStats statsOf(String queue) {
        return stats.computeIfAbsent(queue, name -> new QueueStats(config.assumedHandleTime()));
    }

    /** Moves a seat to {@code state}, keeping the per-tier counts, and tells the world. */
    void setState(SeatRecord seat, SeatState state, String reason) {
        if (seat.state == state && java.util.Objects.equals(seat.reason, reason)) {
            return;
        }
        seatCounts[seat.tier.ordinal()][seat.state.ordinal()]--;
        seatCounts[seat.tier.ordinal()][state.ordinal()]++;
        seat.state = state;
        seat.reason = reason;
        emit(new RoutingCommand.SeatStateChanged(seat.id, state, reason));
    }

    /** Puts the seat in the ready index if it can be offered a call now, takes it out otherwise. */
    void reindex(SeatRecord seat) {
        if (seat.offerable(nowMs)) {
            ready.add(seat);
        } else {
            ready.remove(seat);
        }
    }
}
