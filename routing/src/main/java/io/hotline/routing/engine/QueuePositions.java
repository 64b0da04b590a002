package io.hotline.routing.engine;

/**
 * One queue's waiting calls as an order-statistic tree in {@link CallRecord#QUEUE_ORDER}, so a caller's position
 * (1 = next) is found in O(log n) instead of by walking the queue: announcements and estimated waits read it for
 * one caller at a time. A treap whose nodes are the calls themselves ({@code posLeft}, {@code posRight},
 * {@code posSize}, {@code posPriority}), with a priority derived from the call's sequence, so the shape is
 * deterministic. A call's place in queue order does not change while it waits (its rank and escalation are fixed
 * when it joins), so add and remove keep the tree exact. Confined to the routing thread.
 */
final class QueuePositions {
    private CallRecord root;

    /** Waiting calls in the tree. */
    int size() {
        return sizeOf(root);
    }

    /** Adds a call that is not in the tree. */
    void add(CallRecord call) {
        call.posLeft = null;
        call.posRight = null;
        call.posSize = 1;
        call.posPriority = priority(call.sequence);
        root = insert(root, call);
    }

    /** Removes a call that is in the tree. */
    void remove(CallRecord call) {
        root = delete(root, call);
        call.posLeft = null;
        call.posRight = null;
        call.posSize = 0;
    }

    /** The call's position in queue order, 1 for the next to be served; 0 when it is not in the tree. */
    int positionOf(CallRecord call) {
        int before = 0;
        CallRecord node = root;
        while (node != null) {
            int order = CallRecord.QUEUE_ORDER.compare(call, node);
            if (order < 0) {
                node = node.posLeft;
            } else if (order > 0) {
                before += sizeOf(node.posLeft) + 1;
                node = node.posRight;
            } else {
                return node == call ? before + sizeOf(node.posLeft) + 1 : 0;
            }
        }
        return 0;
    }

    private static CallRecord insert(CallRecord node, CallRecord call) {
        if (node == null) {
            return call;
        }
        node.posSize++;
        if (CallRecord.QUEUE_ORDER.compare(call, node) < 0) {
            node.posLeft = insert(node.posLeft, call);
            if (node.posLeft.posPriority > node.posPriority) {
                node = rotateRight(node);
            }
        } else {
            node.posRight = insert(node.posRight, call);
            if (node.posRight.posPriority > node.posPriority) {
                node = rotateLeft(node);
            }
        }
        return node;
    }

    private static CallRecord delete(CallRecord node, CallRecord call) {
        if (node == null) {
            return null;
        }
        if (node == call) {
            return merge(node.posLeft, node.posRight);
        }
        if (CallRecord.QUEUE_ORDER.compare(call, node) < 0) {
            node.posLeft = delete(node.posLeft, call);
        } else {
            node.posRight = delete(node.posRight, call);
        }
        node.posSize = 1 + sizeOf(node.posLeft) + sizeOf(node.posRight);
        return node;
    }

    /** Joins two treaps whose every key of {@code left} precedes every key of {@code right}. */
    private static CallRecord merge(CallRecord left, CallRecord right) {
        if (left == null) {
            return right;
        }
        if (right == null) {
            return left;
        }
        if (left.posPriority > right.posPriority) {
            left.posRight = merge(left.posRight, right);
            left.posSize = 1 + sizeOf(left.posLeft) + sizeOf(left.posRight);
            return left;
        }
        right.posLeft = merge(left, right.posLeft);
        right.posSize = 1 + sizeOf(right.posLeft) + sizeOf(right.posRight);
        return right;
    }

    private static CallRecord rotateRight(CallRecord node) {
        CallRecord left = node.posLeft;
        node.posLeft = left.posRight;
        left.posRight = node;
        node.posSize = 1 + sizeOf(node.posLeft) + sizeOf(node.posRight);
        left.posSize = 1 + sizeOf(left.posLeft) + sizeOf(left.posRight);
        return left;
    }

    private static CallRecord rotateLeft(CallRecord node) {
        CallRecord right = node.posRight;
        node.posRight = right.posLeft;
        right.posLeft = node;
        node.posSize = 1 + sizeOf(node.posLeft) + sizeOf(node.posRight);
        right.posSize = 1 + sizeOf(right.posLeft) + sizeOf(right.posRight);
        return right;
    }

    private static int sizeOf(CallRecord node) {
        return node == null ? 0 : node.posSize;
    }

    /** A well-mixed priority from the sequence (SplitMix64's finaliser): deterministic, yet balanced. */
    private static long priority(long sequence) {
        long z = sequence + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
