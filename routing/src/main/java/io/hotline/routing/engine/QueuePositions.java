package io.hotline.routing.engine;

import java.util.Arrays;

/**
 * One queue's waiting calls as an order-statistic tree in {@link CallRecord#QUEUE_ORDER}, so a caller's position
 * (1 = next) is found in O(log n) instead of by walking the queue: announcements and estimated waits read it for
 * one caller at a time. A treap kept in parallel arrays (keys, links, subtree sizes, priorities), with int links:
 * a walk reads a few dense arrays, which stay in cache, instead of chasing pointers through thousands of call
 * records. Each call remembers its node ({@code posNode}); freed nodes are reused. A node's priority comes from the
 * call's sequence, so the shape is deterministic. A call's place in queue order does not change while it waits
 * (its rank and escalation are fixed when it joins), so add and remove keep the tree exact. Confined to the
 * routing thread.
 */
final class QueuePositions {
    private static final int NONE = -1;
    /** Sorts escalated calls before others of the same rank, then by sequence, as {@link CallRecord#QUEUE_ORDER}. */
    private static final long NOT_ESCALATED = 1L << 62;

    private long[] ranks = new long[64];
    private long[] ties = new long[64];
    private long[] priorities = new long[64];
    private int[] lefts = new int[64];
    private int[] rights = new int[64];
    private int[] sizes = new int[64];
    private int root = NONE;
    private int used;
    private int freeHead = NONE;

    /** Waiting calls in the tree. */
    int size() {
        return root == NONE ? 0 : sizes[root];
    }

    /** Adds a call that is not in the tree. */
    void add(CallRecord call) {
        int node = allocate();
        ranks[node] = call.rankMs;
        ties[node] = tie(call);
        priorities[node] = priority(call.sequence);
        lefts[node] = NONE;
        rights[node] = NONE;
        sizes[node] = 1;
        call.posNode = node;
        root = insert(root, node);
    }

    /** Removes a call that is in the tree. */
    void remove(CallRecord call) {
        int node = call.posNode;
        if (node == NONE) {
            return;
        }
        root = delete(root, node);
        call.posNode = NONE;
        lefts[node] = freeHead;
        freeHead = node;
    }

    /** The call's position in queue order, 1 for the next to be served; 0 when it is not in the tree. */
    int positionOf(CallRecord call) {
        int target = call.posNode;
        if (target == NONE) {
            return 0;
        }
        long rank = ranks[target];
        long tie = ties[target];
        int before = 0;
        int node = root;
        while (node != NONE) {
            if (node == target) {
                return before + sizeOf(lefts[node]) + 1;
            }
            if (precedes(rank, tie, node)) {
                node = lefts[node];
            } else {
                before += sizeOf(lefts[node]) + 1;
                node = rights[node];
            }
        }
        return 0;
    }

    private int insert(int at, int node) {
        if (at == NONE) {
            return node;
        }
        sizes[at]++;
        if (precedes(ranks[node], ties[node], at)) {
            lefts[at] = insert(lefts[at], node);
            if (priorities[lefts[at]] > priorities[at]) {
                at = rotateRight(at);
            }
        } else {
            rights[at] = insert(rights[at], node);
            if (priorities[rights[at]] > priorities[at]) {
                at = rotateLeft(at);
            }
        }
        return at;
    }

    private int delete(int at, int node) {
        if (at == NONE) {
            return NONE;
        }
        if (at == node) {
            return merge(lefts[at], rights[at]);
        }
        if (precedes(ranks[node], ties[node], at)) {
            lefts[at] = delete(lefts[at], node);
        } else {
            rights[at] = delete(rights[at], node);
        }
        resize(at);
        return at;
    }

    /** Joins two treaps whose every key of {@code left} precedes every key of {@code right}. */
    private int merge(int left, int right) {
        if (left == NONE) {
            return right;
        }
        if (right == NONE) {
            return left;
        }
        if (priorities[left] > priorities[right]) {
            rights[left] = merge(rights[left], right);
            resize(left);
            return left;
        }
        lefts[right] = merge(left, lefts[right]);
        resize(right);
        return right;
    }

    private int rotateRight(int node) {
        int left = lefts[node];
        lefts[node] = rights[left];
        rights[left] = node;
        resize(node);
        resize(left);
        return left;
    }

    private int rotateLeft(int node) {
        int right = rights[node];
        rights[node] = lefts[right];
        lefts[right] = node;
        resize(node);
        resize(right);
        return right;
    }

    private void resize(int node) {
        sizes[node] = 1 + sizeOf(lefts[node]) + sizeOf(rights[node]);
    }

    private int sizeOf(int node) {
        return node == NONE ? 0 : sizes[node];
    }

    /** Whether the key ({@code rank}, {@code tie}) comes before {@code node}'s key in queue order. */
    private boolean precedes(long rank, long tie, int node) {
        return rank != ranks[node] ? rank < ranks[node] : tie < ties[node];
    }

    private int allocate() {
        if (freeHead != NONE) {
            int node = freeHead;
            freeHead = lefts[node];
            return node;
        }
        if (used == ranks.length) {
            int grown = used * 2;
            ranks = Arrays.copyOf(ranks, grown);
            ties = Arrays.copyOf(ties, grown);
            priorities = Arrays.copyOf(priorities, grown);
            lefts = Arrays.copyOf(lefts, grown);
            rights = Arrays.copyOf(rights, grown);
            sizes = Arrays.copyOf(sizes, grown);
        }
        return used++;
    }

    private static long tie(CallRecord call) {
        return (call.escalated ? 0 : NOT_ESCALATED) | call.sequence;
    }

    /** A well-mixed priority from the sequence (SplitMix64's finaliser): deterministic, yet balanced. */
    private static long priority(long sequence) {
        long z = sequence + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
