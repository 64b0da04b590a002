package io.hotline.routing.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The waiting calls, indexed by their primary skill (a seat looks only at calls whose primary skill it has) and
 * by queue (for positions, announcements and the longest wait). Confined to the routing thread.
 */
final class WaitingCalls {
    private final List<TreeSet<CallRecord>> byPrimarySkill = new ArrayList<>();
    private final TreeSet<CallRecord> withoutSkills = new TreeSet<>(CallRecord.QUEUE_ORDER);
    private final Map<String, TreeSet<CallRecord>> byQueue = new HashMap<>();
    private final Map<String, TreeSet<CallRecord>> byQueueAge = new HashMap<>();
    private int size;

    int size() {
        return size;
    }

    void add(CallRecord call) {
        primarySet(call).add(call);
        byQueue.computeIfAbsent(call.queue.name(), name -> new TreeSet<>(CallRecord.QUEUE_ORDER)).add(call);
        byQueueAge.computeIfAbsent(call.queue.name(), name -> new TreeSet<>(CallRecord.AGE_ORDER)).add(call);
        size++;
    }

    void remove(CallRecord call) {
        if (primarySet(call).remove(call)) {
            byQueue.get(call.queue.name()).remove(call);
            byQueueAge.get(call.queue.name()).remove(call);
            size--;
        }
    }

    /**
     * The first call in queue order that {@code eligible} accepts among the calls whose primary skill is one of
     * {@code skillIds}, and the calls needing no skill.
     */
    CallRecord firstEligible(int[] skillIds, Predicate<CallRecord> eligible) {
        CallRecord best = firstIn(withoutSkills, eligible, null);
        for (int skill : skillIds) {
            if (skill < byPrimarySkill.size()) {
                CallRecord candidate = firstIn(byPrimarySkill.get(skill), eligible, best);
                if (candidate != null) {
                    best = candidate;
                }
            }
        }
        return best;
    }

    private static CallRecord firstIn(TreeSet<CallRecord> calls, Predicate<CallRecord> eligible, CallRecord than) {
        for (CallRecord call : calls) {
            if (than != null && CallRecord.QUEUE_ORDER.compare(call, than) >= 0) {
                return null;
            }
            if (eligible.test(call)) {
                return call;
            }
        }
        return null;
    }

    /** The waiting calls of {@code queue} in queue order (position 1 first). */
    Iterable<CallRecord> inQueue(String queue) {
        TreeSet<CallRecord> calls = byQueue.get(queue);
        return calls == null ? List.of() : calls;
    }

    int waitingIn(String queue) {
        TreeSet<CallRecord> calls = byQueue.get(queue);
        return calls == null ? 0 : calls.size();
    }

    /** The longest-waiting call of {@code queue}, or {@code null}. */
    CallRecord oldestIn(String queue) {
        TreeSet<CallRecord> calls = byQueueAge.get(queue);
        return calls == null || calls.isEmpty() ? null : calls.first();
    }

    private TreeSet<CallRecord> primarySet(CallRecord call) {
        if (!call.hasRequirements()) {
            return withoutSkills;
        }
        int skill = call.requiredSkills[0];
        while (byPrimarySkill.size() <= skill) {
            byPrimarySkill.add(new TreeSet<>(CallRecord.QUEUE_ORDER));
        }
        return byPrimarySkill.get(skill);
    }
}
