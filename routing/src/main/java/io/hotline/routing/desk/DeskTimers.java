package io.hotline.routing.desk;

import java.util.Arrays;

/**
 * The clocks with a warning to come, as a binary min-heap indexed from each clock ({@link SlaClock#heapIndex}),
 * so that a recomputed due time moves its clock in place instead of leaving stale timers behind. Order is
 * (due time, work order id, clock kind): independent of the order of scheduling, so a restored desk fires in the
 * same order as one that never stopped. Confined to the service-desk thread.
 */
final class DeskTimers {
    private SlaClock[] heap = new SlaClock[64];
    private int size;

    /** Places {@code clock} by its current {@link SlaClock#dueMs}: added, moved, or removed when never due. */
    void update(SlaClock clock) {
        if (clock.dueMs == SlaClock.NEVER) {
            remove(clock);
        } else if (clock.heapIndex < 0) {
            if (size == heap.length) {
                heap = Arrays.copyOf(heap, size * 2);
            }
            clock.heapIndex = size;
            heap[size++] = clock;
            siftUp(clock.heapIndex);
        } else {
            siftUp(clock.heapIndex);
            siftDown(clock.heapIndex);
        }
    }

    void remove(SlaClock clock) {
        int at = clock.heapIndex;
        if (at < 0) {
            return;
        }
        clock.heapIndex = -1;
        SlaClock last = heap[--size];
        heap[size] = null;
        if (at < size) {
            heap[at] = last;
            last.heapIndex = at;
            siftUp(at);
            siftDown(last.heapIndex);
        }
    }

    /** The clock due first, or {@code null}. */
    SlaClock first() {
        return size == 0 ? null : heap[0];
    }

    long nextDueMs() {
        return size == 0 ? SlaClock.NEVER : heap[0].dueMs;
    }

    int size() {
        return size;
    }

    private void siftUp(int at) {
        SlaClock clock = heap[at];
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!before(clock, heap[parent])) {
                break;
            }
            place(heap[parent], at);
            at = parent;
        }
        place(clock, at);
    }

    private void siftDown(int at) {
        SlaClock clock = heap[at];
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(heap[child + 1], heap[child])) {
                child++;
            }
            if (!before(heap[child], clock)) {
                break;
            }
            place(heap[child], at);
            at = child;
        }
        place(clock, at);
    }

    private void place(SlaClock clock, int at) {
        heap[at] = clock;
        clock.heapIndex = at;
    }

    private static boolean before(SlaClock a, SlaClock b) {
        if (a.dueMs != b.dueMs) {
            return a.dueMs < b.dueMs;
        }
        if (a.workOrder.id != b.workOrder.id) {
            return a.workOrder.id < b.workOrder.id;
        }
        return a.kind.ordinal() < b.kind.ordinal();
    }
}
