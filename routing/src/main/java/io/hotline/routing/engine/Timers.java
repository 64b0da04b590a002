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
     * The timers of one delay, due in the order they were scheduled: a ring buffer kept as parallel arrays (due
     * time, sequence, kind, target, generation), so scheduling allocates nothing and polling never loads a timer
     * object (each such load was a cache miss: 8 % of the routing benchmark's samples for the due time alone).
     */
    private static final class Lane {
        final long delayMs;
        long[] dues = new long[16];
        long[] sequences = new long[16];
        Kind[] kinds = new Kind[16];
        CallRecord[] calls = new CallRecord[16];
        SeatRecord[] seats = new SeatRecord[16];
        long[] generations = new long[16];
        int first;
        int count;

        Lane(long delayMs) {
            this.delayMs = delayMs;
        }

        long lastDue() {
            return dues[(first + count - 1) & (dues.length - 1)];
        }

        void append(long atMs, long sequence, Kind kind, CallRecord call, SeatRecord seat, long generation) {
            if (count == dues.length) {
                grow();
            }
            int at = (first + count++) & (dues.length - 1);
            dues[at] = atMs;
            sequences[at] = sequence;
            kinds[at] = kind;
            calls[at] = call;
            seats[at] = seat;
            generations[at] = generation;
        }

        private void grow() {
            int length = dues.length * 2;
            long[] grownDues = new long[length];
            long[] grownSequences = new long[length];
            Kind[] grownKinds = new Kind[length];
            CallRecord[] grownCalls = new CallRecord[length];
            SeatRecord[] grownSeats = new SeatRecord[length];
            long[] grownGenerations = new long[length];
            for (int i = 0; i < count; i++) {
                int from = (first + i) & (dues.length - 1);
                grownDues[i] = dues[from];
                grownSequences[i] = sequences[from];
                grownKinds[i] = kinds[from];
                grownCalls[i] = calls[from];
                grownSeats[i] = seats[from];
                grownGenerations[i] = generations[from];
            }
            dues = grownDues;
            sequences = grownSequences;
            kinds = grownKinds;
            calls = grownCalls;
            seats = grownSeats;
            generations = grownGenerations;
            first = 0;
        }

        /** Drops the first timer (its fields were read); its targets are released for the collector. */
        void dropFirst() {
            calls[first] = null;
            seats[first] = null;
            first = (first + 1) & (dues.length - 1);
            count--;
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
    private long firedAtMs;
    private long firedSequence;
    private Kind firedKind;
    private CallRecord firedCall;
    private SeatRecord firedSeat;
    private long firedGeneration;

    void schedule(long atMs, Kind kind, CallRecord call, SeatRecord seat, long generation) {
        long seq = sequence++;
        Lane lane = nowMs == Long.MIN_VALUE ? null : laneFor(atMs - nowMs);
        if (lane != null && (lane.count == 0 || lane.lastDue() <= atMs)) {
            lane.append(atMs, seq, kind, call, seat, generation);
            inLanes++;
            if (lane.count == 1) {
                int index = indexOf(lane);
                laneDue[index] = atMs;
                laneOrder[index] = seq;
            }
        } else {
            push(new Timer(atMs, seq, kind, call, seat, generation));
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

    /**
     * Takes the next timer due at or before {@code now}: true and its fields readable through {@link #firedKind()}
     * and the other {@code fired} accessors until the next poll; false when none is due.
     */
    boolean pollDue(long now) {
        nowMs = Math.max(nowMs, now);
        int lane = earliestLane();
        boolean fromLane = lane >= 0 && (size == 0 || before(laneDue[lane], laneOrder[lane], 0));
        if (fromLane) {
            if (laneDue[lane] > now) {
                return false;
            }
            Lane from = lanes[lane];
            int at = from.first;
            firedAtMs = from.dues[at];
            firedSequence = from.sequences[at];
            firedKind = from.kinds[at];
            firedCall = from.calls[at];
            firedSeat = from.seats[at];
            firedGeneration = from.generations[at];
            from.dropFirst();
            inLanes--;
            if (from.count == 0) {
                laneDue[lane] = Long.MAX_VALUE;
            } else {
                laneDue[lane] = from.dues[from.first];
                laneOrder[lane] = from.sequences[from.first];
            }
            return true;
        }
        if (size == 0 || dueAt[0] > now) {
            return false;
        }
        Timer first = heap[0];
        Timer last = heap[--size];
        heap[size] = null;
        if (size > 0) {
            siftDown(last);
        }
        firedAtMs = first.atMs();
        firedSequence = first.sequence();
        firedKind = first.kind();
        firedCall = first.call();
        firedSeat = first.seat();
        firedGeneration = first.generation();
        return true;
    }

    /** The polled timer's kind. */
    Kind firedKind() {
        return firedKind;
    }

    /** The polled timer's call, or {@code null}. */
    CallRecord firedCall() {
        return firedCall;
    }

    /** The polled timer's seat, or {@code null}. */
    SeatRecord firedSeat() {
        return firedSeat;
    }

    /** The generation of its target when the polled timer was scheduled. */
    long firedGeneration() {
        return firedGeneration;
    }

    /** When the polled timer was due. */
    long firedAtMs() {
        return firedAtMs;
    }

    /** The polled timer's scheduling sequence (ties in due time fire in this order). */
    long firedSequence() {
        return firedSequence;
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
