package io.hotline.routing.engine;

import java.util.Arrays;

/**
 * The engine's pending timers in due order, ({@code atMs}, {@code sequence}) as {@link Timer#compareTo}. A timer
 * carries the generation of its target at scheduling time; a target that moved on since (answered, re-offered,
 * logged out) ignores it. Confined to the routing thread.
 * <p>
 * Almost every timer is "now plus a configured delay" (the ring timeout, a queue's step lengths, the callback
 * offer, wrap-up), and the engine's clock never goes back, so the timers of one delay come due in the order they
 * were scheduled. Each such delay gets a FIFO {@link Lane}: scheduling appends, firing takes the earliest of the
 * few lanes' heads, both O(1) without touching the tens of thousands of pending timers. The delay is only a hint
 * (the scheduling time is taken to be the last {@link #pollDue} time): a timer that would not keep its lane in
 * order, or one of more distinct delays than {@value #MAX_LANES}, goes to a binary heap instead, so the order is
 * exact whatever is scheduled.
 */
final class Timers {
    /** Distinct delays that get a lane; timers of further delays share the heap. */
    static final int MAX_LANES = 32;

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
        /** A waiting caller hears their position and estimated wait (every {@code announceEvery}). */
        ANNOUNCE
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

    /**
     * The timers of one delay, due in the order they were scheduled: a ring buffer, with each timer's due time
     * and sequence also in parallel arrays, so finding the next due one never loads a timer object (a cache miss
     * per fired timer: 8 % of the routing benchmark's samples).
     */
    private static final class Lane {
        final long delayMs;
        Timer[] ring = new Timer[16];
        long[] dues = new long[16];
        long[] sequences = new long[16];
        int first;
        int count;

        Lane(long delayMs) {
            this.delayMs = delayMs;
        }

        long lastDue() {
            return dues[(first + count - 1) & (ring.length - 1)];
        }

        void append(Timer timer) {
            if (count == ring.length) {
                Timer[] grown = new Timer[ring.length * 2];
                long[] grownDues = new long[ring.length * 2];
                long[] grownSequences = new long[ring.length * 2];
                for (int i = 0; i < count; i++) {
                    int from = (first + i) & (ring.length - 1);
                    grown[i] = ring[from];
                    grownDues[i] = dues[from];
                    grownSequences[i] = sequences[from];
                }
                ring = grown;
                dues = grownDues;
                sequences = grownSequences;
                first = 0;
            }
            int at = (first + count++) & (ring.length - 1);
            ring[at] = timer;
            dues[at] = timer.atMs();
            sequences[at] = timer.sequence();
        }

        Timer takeFirst() {
            Timer timer = ring[first];
            ring[first] = null;
            first = (first + 1) & (ring.length - 1);
            count--;
            return timer;
        }
    }

    private final Lane[] lanes = new Lane[MAX_LANES];
    /** [lane] -> due time and sequence of its first timer ({@code Long.MAX_VALUE} when empty), read by each poll. */
    private final long[] laneDue = new long[MAX_LANES];
    private final long[] laneOrder = new long[MAX_LANES];
    private int laneCount;
    /** The latest poll time: scheduling is assumed to happen then, to find a timer's delay. */
    private long nowMs = Long.MIN_VALUE;

    private long[] dueAt = new long[64];
    private long[] order = new long[64];
    private Timer[] heap = new Timer[64];
    /** Timers in the heap. */
    private int size;
    private int inLanes;
    private long sequence;

    void schedule(long atMs, Kind kind, CallRecord call, SeatRecord seat, long generation) {
        Timer timer = new Timer(atMs, sequence++, kind, call, seat, generation);
        Lane lane = nowMs == Long.MIN_VALUE ? null : laneFor(atMs - nowMs);
        if (lane != null && (lane.count == 0 || lane.lastDue() <= atMs)) {
            lane.append(timer);
            inLanes++;
            if (lane.count == 1) {
                int index = indexOf(lane);
                laneDue[index] = atMs;
                laneOrder[index] = timer.sequence();
            }
        } else {
            push(timer);
        }
    }

    /** The lane of timers {@code delayMs} after now, created when there is room; or {@code null}. */
    private Lane laneFor(long delayMs) {
        for (int i = 0; i < laneCount; i++) {
            if (lanes[i].delayMs == delayMs) {
                return lanes[i];
            }
        }
        if (laneCount == MAX_LANES) {
            return null;
        }
        Lane lane = new Lane(delayMs);
        laneDue[laneCount] = Long.MAX_VALUE;
        lanes[laneCount++] = lane;
        return lane;
    }

    private int indexOf(Lane lane) {
        int index = 0;
        while (lanes[index] != lane) {
            index++;
        }
        return index;
    }

    /** The lane whose first timer comes first, or -1 when every lane is empty. */
    private int earliestLane() {
        int earliest = -1;
        for (int i = 0; i < laneCount; i++) {
            if (laneDue[i] != Long.MAX_VALUE
                    && (earliest < 0 || before(laneDue[i], laneOrder[i], laneDue[earliest], laneOrder[earliest]))) {
                earliest = i;
            }
        }
        return earliest;
    }

    private void push(Timer timer) {
        if (size == heap.length) {
            dueAt = Arrays.copyOf(dueAt, size * 2);
            order = Arrays.copyOf(order, size * 2);
            heap = Arrays.copyOf(heap, size * 2);
        }
        long atMs = timer.atMs();
        long seq = timer.sequence();
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

    /** The next timer due at or before {@code now}, removed; or {@code null}. */
    Timer pollDue(long now) {
        nowMs = Math.max(nowMs, now);
        int lane = earliestLane();
        boolean fromLane = lane >= 0 && (size == 0 || before(laneDue[lane], laneOrder[lane], 0));
        if (fromLane) {
            if (laneDue[lane] > now) {
                return null;
            }
            Lane from = lanes[lane];
            Timer first = from.takeFirst();
            inLanes--;
            if (from.count == 0) {
                laneDue[lane] = Long.MAX_VALUE;
            } else {
                laneDue[lane] = from.dues[from.first];
                laneOrder[lane] = from.sequences[from.first];
            }
            return first;
        }
        if (size == 0 || dueAt[0] > now) {
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
        int lane = earliestLane();
        long next = lane < 0 ? Long.MAX_VALUE : laneDue[lane];
        return size == 0 ? next : Math.min(next, dueAt[0]);
    }

    int size() {
        return size + inLanes;
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
