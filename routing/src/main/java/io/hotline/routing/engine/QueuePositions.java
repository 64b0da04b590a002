package io.hotline.routing.engine;

import java.util.Arrays;

/**
 * One queue's waiting calls as an order-statistic tree in {@link CallRecord#QUEUE_ORDER}, so a caller's position
 * (1 = next) is found in O(log n) instead of by walking the queue: announcements and estimated waits read it for
 * one caller at a time. A treap kept in one {@code long[]}, {@value #STRIDE} longs a node (rank, tie, both links,
 * subtree size), so visiting a node reads one or two cache lines instead of one per field (six parallel arrays
 * cost a miss per field on a cold path), and a walk never touches the call records. Each call remembers its node
 * ({@code posNode}); freed nodes are reused. A node's heap priority is a hash of the call's sequence (kept in the
 * tie), computed when needed rather than stored, so the shape is deterministic. A call's place in queue order
 * does not change while it waits (its rank and escalation are fixed when it joins), so add and remove keep the
 * tree exact. Confined to the routing thread.
 */
final class QueuePositions {
    private static final int NONE = -1;
    /** Sorts escalated calls before others of the same rank, then by sequence, as {@link CallRecord#QUEUE_ORDER}. */
    private static final long NOT_ESCALATED = 1L << 62;
    /** Longs per node: its rank, its tie, its links (left in the high half, right in the low), its subtree size. */
    private static final int STRIDE = 4;
    private static final int RANK = 0;
    private static final int TIE = 1;
    private static final int LINKS = 2;
    private static final int SIZE = 3;

    private long[] nodes = new long[64 * STRIDE];
    private int root = NONE;
    private int used;
    private int freeHead = NONE;

    /** Waiting calls in the tree. */
    int size() {
        return sizeOf(root);
    }

    /** Adds a call that is not in the tree. */
    void add(CallRecord call) {
        int node = allocate();
        int at = node * STRIDE;
        nodes[at + RANK] = call.rankMs;
        nodes[at + TIE] = tie(call);
        nodes[at + LINKS] = links(NONE, NONE);
        nodes[at + SIZE] = 1;
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
        nodes[node * STRIDE + LINKS] = links(freeHead, NONE);
        freeHead = node;
    }

    /** The call's position in queue order, 1 for the next to be served; 0 when it is not in the tree. */
    int positionOf(CallRecord call) {
        int target = call.posNode;
        if (target == NONE) {
            return 0;
        }
        long rank = nodes[target * STRIDE + RANK];
        long tie = nodes[target * STRIDE + TIE];
        int before = 0;
        int node = root;
        while (node != NONE) {
            if (node == target) {
                return before + sizeOf(left(node)) + 1;
            }
            if (precedes(rank, tie, node)) {
                node = left(node);
            } else {
                before += sizeOf(left(node)) + 1;
                node = right(node);
            }
        }
        return 0;
    }

    private int insert(int at, int node) {
        if (at == NONE) {
            return node;
        }
        nodes[at * STRIDE + SIZE]++;
        if (precedes(nodes[node * STRIDE + RANK], nodes[node * STRIDE + TIE], at)) {
            int child = insert(left(at), node);
            setLinks(at, child, right(at));
            if (priority(child) > priority(at)) {
                at = rotateRight(at);
            }
        } else {
            int child = insert(right(at), node);
            setLinks(at, left(at), child);
            if (priority(child) > priority(at)) {
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
            return merge(left(at), right(at));
        }
        if (precedes(nodes[node * STRIDE + RANK], nodes[node * STRIDE + TIE], at)) {
            setLinks(at, delete(left(at), node), right(at));
        } else {
            setLinks(at, left(at), delete(right(at), node));
        }
        nodes[at * STRIDE + SIZE]--;
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
        if (priority(left) > priority(right)) {
            setLinks(left, left(left), merge(right(left), right));
            resize(left);
            return left;
        }
        setLinks(right, merge(left, left(right)), right(right));
        resize(right);
        return right;
    }

    private int rotateRight(int node) {
        int left = left(node);
        setLinks(node, right(left), right(node));
        setLinks(left, left(left), node);
        resize(node);
        resize(left);
        return left;
    }

    private int rotateLeft(int node) {
        int right = right(node);
        setLinks(node, left(node), left(right));
        setLinks(right, node, right(right));
        resize(node);
        resize(right);
        return right;
    }

    private void resize(int node) {
        nodes[node * STRIDE + SIZE] = 1 + sizeOf(left(node)) + sizeOf(right(node));
    }

    private int sizeOf(int node) {
        return node == NONE ? 0 : (int) nodes[node * STRIDE + SIZE];
    }

    private int left(int node) {
        return (int) (nodes[node * STRIDE + LINKS] >> 32);
    }

    private int right(int node) {
        return (int) nodes[node * STRIDE + LINKS];
    }

    private void setLinks(int node, int left, int right) {
        nodes[node * STRIDE + LINKS] = links(left, right);
    }

    private static long links(int left, int right) {
        return (long) left << 32 | right & 0xFFFF_FFFFL;
    }

    /** Whether the key ({@code rank}, {@code tie}) comes before {@code node}'s key in queue order. */
    private boolean precedes(long rank, long tie, int node) {
        long nodeRank = nodes[node * STRIDE + RANK];
        return rank != nodeRank ? rank < nodeRank : tie < nodes[node * STRIDE + TIE];
    }

    /** The node's heap priority: a well-mixed hash of its call's sequence (SplitMix64's finaliser). */
    private long priority(int node) {
        long z = (nodes[node * STRIDE + TIE] & ~NOT_ESCALATED) + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private int allocate() {
        if (freeHead != NONE) {
            int node = freeHead;
            freeHead = left(node);
            return node;
        }
        if (used * STRIDE == nodes.length) {
            nodes = Arrays.copyOf(nodes, nodes.length * 2);
        }
        return used++;
    }

    private static long tie(CallRecord call) {
        return (call.escalated ? 0 : NOT_ESCALATED) | call.sequence;
    }
}
