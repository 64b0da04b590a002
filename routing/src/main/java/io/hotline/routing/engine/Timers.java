package io.hotline.routing.engine;

import java.util.Arrays;

/**
 * The engine's pending timers in due order. A timer carries the generation of its target at scheduling time;
 * a target that moved on since (answered, re-offered, logged out) ignores it. Confined to the routing thread.
 * <p>
 * A binary heap ordered by ({@code atMs}, {@code sequence}), as {@link Timer#compareTo}. The keys sit in their own
 * arrays so that sifting through tens of thousands of pending timers reads two long arrays, not a timer object
 * per step.
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

    private long[] dueAt = new long[64];
    private long[] order = new long[64];
    private Timer[] heap = new Timer[64];
    private int size;
    private long sequence;

    void schedule(long atMs, Kind kind, CallRecord call, SeatRecord seat, long generation) {
        if (size == heap.length) {
            dueAt = Arrays.copyOf(dueAt, size * 2);
            order = Arrays.copyOf(order, size * 2);
            heap = Arrays.copyOf(heap, size * 2);
        }
        long seq = sequence++;
        Timer timer = new Timer(atMs, seq, kind, call, seat, generation);
        int at = size++;
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!before(atMs, seq, parent)) {
                break;
            }
            move(parent, at);
            at = parent;
        }
        put(at, timer);
    }

    /** The next timer due at or before {@code nowMs}, removed; or {@code null}. */
    Timer pollDue(long nowMs) {
        if (size == 0 || dueAt[0] > nowMs) {
            return null;
        }
        Timer first = heap[0];
        Timer last = heap[--size];
        heap[size] = null;
        if (size > 0) {
            siftDown(last);
        }
        return first;
    }

    /** When the next timer is due, or {@code Long.MAX_VALUE}. */
    long nextDueMs() {
        return size == 0 ? Long.MAX_VALUE : dueAt[0];
    }

    int size() {
        return size;
    }

    /** Puts {@code timer} at the root's place and moves it down to where it belongs. */
    private void siftDown(Timer timer) {
        long atMs = timer.atMs();
        long seq = timer.sequence();
        int at = 0;
        int half = size >>> 1;
        while (at < half) {
            int child = 2 * at + 1;
            int right = child + 1;
            if (right < size && before(dueAt[right], order[right], child)) {
                child = right;
            }
            if (!before(dueAt[child], order[child], atMs, seq)) {
                break;
            }
            move(child, at);
            at = child;
        }
        put(at, timer);
    }

    /** Whether a timer due at ({@code atMs}, {@code seq}) comes before the one in slot {@code slot}. */
    private boolean before(long atMs, long seq, int slot) {
        return before(atMs, seq, dueAt[slot], order[slot]);
    }

    private static boolean before(long atMs, long seq, long otherAtMs, long otherSeq) {
        return atMs != otherAtMs ? atMs < otherAtMs : seq < otherSeq;
    }

    private void move(int from, int to) {
        dueAt[to] = dueAt[from];
        order[to] = order[from];
        heap[to] = heap[from];
    }

    private void put(int slot, Timer timer) {
        dueAt[slot] = timer.atMs();
        order[slot] = timer.sequence();
        heap[slot] = timer;
    }
}
