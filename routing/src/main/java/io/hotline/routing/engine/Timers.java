package io.hotline.routing.engine;

import java.util.PriorityQueue;

/**
 * The engine's pending timers in due order. A timer carries the generation of its target at scheduling time;
 * a target that moved on since (answered, re-offered, logged out) ignores it. Confined to the routing thread.
 */
final class Timers {

    /** What a timer does when due. */
    enum Kind {
        /** A waiting call's relaxation step or sticky window ends: look for a seat again. */
        CALL_WIDENS,
        /** An offer rang out. */
        OFFER_TIMEOUT,
        /** A seat's cool-down ends. */
        COOLDOWN_ENDS,
        /** A seat's wrap-up ends. */
        WRAP_UP_ENDS,
        /** A waiting call is offered a callback. */
        OFFER_CALLBACK,
        /** Periodic sweep that announces positions and estimated waits. */
        ANNOUNCE_SWEEP
    }

    /** One pending timer. */
    record Timer(long atMs, long sequence, Kind kind, CallRecord call, SeatRecord seat, long generation)
            implements Comparable<Timer> {
        @Override
        public int compareTo(Timer other) {
            int byTime = Long.compare(atMs, other.atMs);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    private final PriorityQueue<Timer> pending = new PriorityQueue<>();
    private long sequence;

    void schedule(long atMs, Kind kind, CallRecord call, SeatRecord seat, long generation) {
        pending.add(new Timer(atMs, sequence++, kind, call, seat, generation));
    }

    /** The next timer due at or before {@code nowMs}, removed; or {@code null}. */
    Timer pollDue(long nowMs) {
        Timer next = pending.peek();
        if (next == null || next.atMs() > nowMs) {
            return null;
        }
        return pending.poll();
    }

    /** When the next timer is due, or {@code Long.MAX_VALUE}. */
    long nextDueMs() {
        Timer next = pending.peek();
        return next == null ? Long.MAX_VALUE : next.atMs();
    }

    int size() {
        return pending.size();
    }
}
