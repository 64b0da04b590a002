package io.hotline.routing.engine;

import io.hotline.routing.ladder.Tier;
import io.hotline.routing.queue.QueueConfig;
import io.hotline.routing.queue.RoutingStep;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The waiting calls, indexed by their filing skill (a seat looks only at calls filed under a skill it has) and by
 * queue (for positions, announcements and the longest wait). Confined to the routing thread.
 * <p>
 * A call is filed under the required skill that the fewest configured seats have: only a seat with every required
 * skill may take it, so the rarest one shows the call to every seat that may and to the fewest that must refuse
 * it (filing by the primary skill, a product line most seats have, made seats read past many calls needing a rare
 * module they lack). Sticky calls reach their owner through the matchmaker whatever the owner's skills.
 * <p>
 * Within a filing skill, calls sit in {@link Lane}s, lists linked in queue order, one per queue, offset between
 * joining the queue and rank ({@code queuedMs - rankMs}, the priority head start) and stickiness. A fresh call
 * has the latest rank of its lane and joins at the tail; only a call coming back (declined, withdrawn) is walked
 * to its place from the head, near where it left.
 * <p>
 * A call has waited at most {@code nowMs - rankMs - offset}, and the later in queue order, the less; so a seat
 * stops reading a lane at the first call that has not waited long enough for any step admitting the seat's tier:
 * none after it can be eligible either. Calls with an owner are never cut off that way, since a sticky owner may
 * take them whatever the step. A ready seat reads its lanes merged in queue order, so the first eligible call it
 * meets is the answer; each lane's first call and keys sit in flat arrays per skill and tier, so lanes that cannot
 * hold the answer cost no look at their calls.
 * <p>
 * Per queue, calls are also linked by offset alone: each such list is in queue order and in order of joining at
 * once, since every call in it has the same head start. A queue's calls in queue order are those few lists merged
 * (plus escalated calls and calls that came back out of order, kept in small sorted sets); its longest-waiting
 * call is the oldest of their first calls.
 */
final class WaitingCalls {
    private static final int TIERS = Tier.values().length;
    /** Sorts non-escalated calls after escalated ones of the same rank, as {@link CallRecord#QUEUE_ORDER}. */
    private static final long NOT_ESCALATED = 1L << 62;

    private final List<SkillLanes> byFilingSkill = new ArrayList<>();
    private final SkillLanes withoutSkills = new SkillLanes();
    private final Map<QueueConfig, long[]> admitsAfter = new IdentityHashMap<>();
    private final Map<QueueConfig, long[]> stepEnds = new IdentityHashMap<>();
    private final Map<String, QueueCalls> byQueue = new HashMap<>();
    private final Candidates candidates = new Candidates();
    private final SkillCatalog catalog;
    private int size;

    WaitingCalls(SkillCatalog catalog) {
        this.catalog = catalog;
    }

    /** Calls of one filing skill (or none), queue, offset and stickiness, linked in queue order. */
    static final class Lane {
        final QueueConfig queue;
        /** [tier ordinal] -> least waiting time at which a step of the queue admits the tier; MAX_VALUE: never. */
        final long[] admitsAfterMs;
        /** {@code queuedMs - rankMs} of every call here (escalated calls: at least this). */
        final long offsetMs;
        final boolean owned;
        CallRecord head;
        CallRecord tail;
        /** [tier ordinal] -> position in its skill's active lanes for the tier, or -1. */
        final int[] activeAt = new int[TIERS];

        Lane(QueueConfig queue, long[] admitsAfterMs, long offsetMs, boolean owned) {
            this.queue = queue;
            this.admitsAfterMs = admitsAfterMs;
            this.offsetMs = offsetMs;
            this.owned = owned;
            Arrays.fill(activeAt, -1);
        }

        /** Stop reading this lane for a seat of {@code tier} at a call with {@code nowMs - rankMs} below this. */
        long limit(int tier) {
            return owned ? Long.MIN_VALUE : offsetMs + admitsAfterMs[tier];
        }

        /** Whether a seat of {@code tier} may ever take a call of this lane. */
        boolean visibleTo(int tier) {
            return owned || admitsAfterMs[tier] != Long.MAX_VALUE;
        }
    }

    /** The lanes of one filing skill, and per seat tier the non-empty ones visible to it with their heads. */
    private static final class SkillLanes {
        private QueueConfig[] laneQueues = new QueueConfig[4];
        private long[] laneKeys = new long[4];
        private Lane[] lanes = new Lane[4];
        private int laneCount;
        final Lane[][] active = new Lane[TIERS][4];
        final CallRecord[][] heads = new CallRecord[TIERS][4];
        final long[][] headRanks = new long[TIERS][4];
        final long[][] headTies = new long[TIERS][4];
        final long[][] limits = new long[TIERS][4];
        final int[] activeCount = new int[TIERS];

        Lane find(QueueConfig queue, long key) {
            for (int i = 0; i < laneCount; i++) {
                if (laneQueues[i] == queue && laneKeys[i] == key) {
                    return lanes[i];
                }
            }
            return null;
        }

        void addLane(Lane lane, long key) {
            if (laneCount == lanes.length) {
                laneQueues = Arrays.copyOf(laneQueues, laneCount * 2);
                laneKeys = Arrays.copyOf(laneKeys, laneCount * 2);
                lanes = Arrays.copyOf(lanes, laneCount * 2);
            }
            laneQueues[laneCount] = lane.queue;
            laneKeys[laneCount] = key;
            lanes[laneCount++] = lane;
        }

        void activate(Lane lane) {
            for (int tier = 0; tier < TIERS; tier++) {
                if (lane.visibleTo(tier)) {
                    int at = activeCount[tier]++;
                    if (at == active[tier].length) {
                        active[tier] = Arrays.copyOf(active[tier], at * 2);
                        heads[tier] = Arrays.copyOf(heads[tier], at * 2);
                        headRanks[tier] = Arrays.copyOf(headRanks[tier], at * 2);
                        headTies[tier] = Arrays.copyOf(headTies[tier], at * 2);
                        limits[tier] = Arrays.copyOf(limits[tier], at * 2);
                    }
                    active[tier][at] = lane;
                    limits[tier][at] = lane.limit(tier);
                    lane.activeAt[tier] = at;
                }
            }
            headChanged(lane);
        }

        void deactivate(Lane lane) {
            for (int tier = 0; tier < TIERS; tier++) {
                int at = lane.activeAt[tier];
                if (at >= 0) {
                    int last = --activeCount[tier];
                    Lane moved = active[tier][last];
                    active[tier][at] = moved;
                    heads[tier][at] = heads[tier][last];
                    headRanks[tier][at] = headRanks[tier][last];
                    headTies[tier][at] = headTies[tier][last];
                    limits[tier][at] = limits[tier][last];
                    moved.activeAt[tier] = at;
                    active[tier][last] = null;
                    heads[tier][last] = null;
                    lane.activeAt[tier] = -1;
                }
            }
        }

        void headChanged(Lane lane) {
            CallRecord head = lane.head;
            for (int tier = 0; tier < TIERS; tier++) {
                int at = lane.activeAt[tier];
                if (at >= 0) {
                    heads[tier][at] = head;
                    headRanks[tier][at] = head.rankMs;
                    headTies[tier][at] = tie(head);
                }
            }
        }
    }

    /**
     * One queue's waiting calls: linked per offset, each list in queue order and in order of joining; escalated
     * calls and calls that came back out of order are stragglers, kept in two sorted sets.
     */
    private static final class QueueCalls {
        private long[] offsets = new long[4];
        private CallRecord[] heads = new CallRecord[4];
        private CallRecord[] tails = new CallRecord[4];
        private int lists;
        int size;
        final TreeSet<CallRecord> stragglers = new TreeSet<>(CallRecord.QUEUE_ORDER);
        final TreeSet<CallRecord> stragglersByAge = new TreeSet<>(CallRecord.AGE_ORDER);
        final QueuePositions positions = new QueuePositions();

        void join(CallRecord call) {
            size++;
            positions.add(call);
            int list = call.escalated ? -1 : listOf(call.queuedMs - call.rankMs);
            if (list >= 0 && (tails[list] == null || CallRecord.QUEUE_ORDER.compare(tails[list], call) < 0)) {
                call.straggler = false;
                call.queuePrev = tails[list];
                call.queueNext = null;
                if (tails[list] == null) {
                    heads[list] = call;
                } else {
                    tails[list].queueNext = call;
                }
                tails[list] = call;
            } else {
                call.straggler = true;
                stragglers.add(call);
                stragglersByAge.add(call);
            }
        }

        void leave(CallRecord call) {
            size--;
            positions.remove(call);
            if (call.straggler) {
                stragglers.remove(call);
                stragglersByAge.remove(call);
                return;
            }
            int list = listOf(call.queuedMs - call.rankMs);
            if (call.queuePrev == null) {
                heads[list] = call.queueNext;
            } else {
                call.queuePrev.queueNext = call.queueNext;
            }
            if (call.queueNext == null) {
                tails[list] = call.queuePrev;
            } else {
                call.queueNext.queuePrev = call.queuePrev;
            }
            call.queuePrev = null;
            call.queueNext = null;
        }

        CallRecord oldest() {
            CallRecord oldest = stragglersByAge.isEmpty() ? null : stragglersByAge.first();
            for (int i = 0; i < lists; i++) {
                if (heads[i] != null && (oldest == null || CallRecord.AGE_ORDER.compare(heads[i], oldest) < 0)) {
                    oldest = heads[i];
                }
            }
            return oldest;
        }

        private int listOf(long offset) {
            for (int i = 0; i < lists; i++) {
                if (offsets[i] == offset) {
                    return i;
                }
            }
            if (lists == offsets.length) {
                offsets = Arrays.copyOf(offsets, lists * 2);
                heads = Arrays.copyOf(heads, lists * 2);
                tails = Arrays.copyOf(tails, lists * 2);
            }
            offsets[lists] = offset;
            return lists++;
        }
    }

    int size() {
        return size;
    }

    void add(CallRecord call) {
        if (call.lane != null) {
            return;
        }
        QueueCalls queue = byQueue.computeIfAbsent(call.queue.name(), name -> new QueueCalls());
        call.filingSkill = rarestSkill(call);
        SkillLanes skill = skillLanesOf(call);
        Lane lane = laneOf(skill, call);
        call.lane = lane;
        call.skillMask = skillMask(call.requiredSkills);
        if (call.stepEndsOf != call.queue) {
            call.stepEndsMs = stepEnds.computeIfAbsent(call.queue, WaitingCalls::stepEnds);
            call.stepEndsOf = call.queue;
        }
        if (lane.tail == null) {
            lane.head = call;
            lane.tail = call;
            skill.activate(lane);
        } else if (CallRecord.QUEUE_ORDER.compare(lane.tail, call) < 0) {
            call.lanePrev = lane.tail;
            lane.tail.laneNext = call;
            lane.tail = call;
        } else {
            insertBefore(lane, firstAfter(lane, call), call);
            if (lane.head == call) {
                skill.headChanged(lane);
            }
        }
        queue.join(call);
        size++;
    }

    void remove(CallRecord call) {
        Lane lane = call.lane;
        if (lane == null) {
            return;
        }
        SkillLanes skill = skillLanesOf(call);
        if (call.lanePrev == null) {
            lane.head = call.laneNext;
        } else {
            call.lanePrev.laneNext = call.laneNext;
        }
        if (call.laneNext == null) {
            lane.tail = call.lanePrev;
        } else {
            call.laneNext.lanePrev = call.lanePrev;
        }
        if (lane.head == null) {
            skill.deactivate(lane);
        } else if (call.lanePrev == null) {
            skill.headChanged(lane);
        }
        call.lanePrev = null;
        call.laneNext = null;
        call.lane = null;
        byQueue.get(call.queue.name()).leave(call);
        size--;
    }

    /**
     * The first call in queue order that {@code eligible} accepts among the calls filed under one of
     * {@code skillIds}, and the calls needing no skill, by reading every lane (the reference for the one below).
     */
    CallRecord firstEligible(int[] skillIds, Predicate<CallRecord> eligible) {
        CallRecord best = firstInAll(withoutSkills, eligible, null);
        for (int skill : skillIds) {
            if (skill < byFilingSkill.size()) {
                best = firstInAll(byFilingSkill.get(skill), eligible, best);
            }
        }
        return best;
    }

    /**
     * As {@link #firstEligible(int[], Predicate)}, for a seat of {@code tier} at {@code nowMs}: skips the calls
     * that {@code eligible} must refuse because no step they can be in admits the tier (sticky calls excepted).
     */
    CallRecord firstEligible(int[] skillIds, Tier tier, long nowMs, Predicate<CallRecord> eligible) {
        int tierIndex = tier.ordinal();
        Candidates found = candidates;
        found.clear();
        found.gather(withoutSkills, tierIndex, nowMs);
        for (int skill : skillIds) {
            if (skill < byFilingSkill.size()) {
                found.gather(byFilingSkill.get(skill), tierIndex, nowMs);
            }
        }
        return found.firstEligible(nowMs, skillMask(skillIds), eligible);
    }

    private static CallRecord firstInAll(SkillLanes skill, Predicate<CallRecord> eligible, CallRecord best) {
        for (int i = 0; i < skill.laneCount; i++) {
            for (CallRecord call = skill.lanes[i].head; call != null; call = call.laneNext) {
                if (best != null && CallRecord.QUEUE_ORDER.compare(call, best) >= 0) {
                    break;
                }
                if (eligible.test(call)) {
                    best = call;
                    break;
                }
            }
        }
        return best;
    }

    /** The waiting calls of {@code queue} in queue order (position 1 first). */
    Iterable<CallRecord> inQueue(String queue) {
        QueueCalls calls = byQueue.get(queue);
        return calls == null ? List.of() : () -> new QueueOrder(calls);
    }

    /** The waiting call's position in its queue (1 = next), or 0 when it is not waiting. O(log n). */
    int positionOf(CallRecord call) {
        if (call.lane == null) {
            return 0;
        }
        QueueCalls calls = byQueue.get(call.queue.name());
        return calls == null ? 0 : calls.positions.positionOf(call);
    }

    int waitingIn(String queue) {
        QueueCalls calls = byQueue.get(queue);
        return calls == null ? 0 : calls.size;
    }

    /** The longest-waiting call of {@code queue}, or {@code null}. */
    CallRecord oldestIn(String queue) {
        QueueCalls calls = byQueue.get(queue);
        return calls == null ? null : calls.oldest();
    }

    private SkillLanes skillLanesOf(CallRecord call) {
        int skill = call.filingSkill;
        if (skill < 0) {
            return withoutSkills;
        }
        while (byFilingSkill.size() <= skill) {
            byFilingSkill.add(new SkillLanes());
        }
        return byFilingSkill.get(skill);
    }

    /**
     * The required skill the fewest configured seats have (the first such in the call's order), or -1. Only seats
     * with every required skill may take the call, so any required skill files it correctly; the rarest shows it
     * to the fewest seats that must then refuse it.
     */
    private int rarestSkill(CallRecord call) {
        int rarest = -1;
        int fewest = Integer.MAX_VALUE;
        for (int skill : call.requiredSkills) {
            int holders = catalog.holders(skill);
            if (holders < fewest) {
                fewest = holders;
                rarest = skill;
            }
        }
        return rarest;
    }

    private Lane laneOf(SkillLanes skill, CallRecord call) {
        // Escalated calls joined Hotline before this queue: their offset is at least 0, and varies.
        long offset = call.escalated ? 0 : call.queuedMs - call.rankMs;
        boolean owned = call.ownerSeatId != null;
        long key = offset << 2 | (call.escalated ? 2 : 0) | (owned ? 1 : 0);
        Lane lane = skill.find(call.queue, key);
        if (lane == null) {
            lane = new Lane(call.queue, admitsAfter.computeIfAbsent(call.queue, WaitingCalls::admitsAfter), offset,
                    owned);
            skill.addLane(lane, key);
        }
        return lane;
    }

    /** The first call of {@code lane} that comes after {@code call} in queue order; the lane's tail does. */
    private static CallRecord firstAfter(Lane lane, CallRecord call) {
        CallRecord at = lane.head;
        while (CallRecord.QUEUE_ORDER.compare(at, call) < 0) {
            at = at.laneNext;
        }
        return at;
    }

    private static void insertBefore(Lane lane, CallRecord next, CallRecord call) {
        call.laneNext = next;
        call.lanePrev = next.lanePrev;
        if (next.lanePrev == null) {
            lane.head = call;
        } else {
            next.lanePrev.laneNext = call;
        }
        next.lanePrev = call;
    }

    /** A 64-bit summary of skill ids: a call whose mask has a bit the seat's lacks needs a skill it lacks. */
    static long skillMask(int[] skillIds) {
        long mask = 0;
        for (int skill : skillIds) {
            mask |= 1L << (skill & 63);
        }
        return mask;
    }

    static long tie(CallRecord call) {
        return call.escalated ? call.sequence : NOT_ESCALATED | call.sequence;
    }

    static boolean before(long rank, long tie, long otherRank, long otherTie) {
        return rank != otherRank ? rank < otherRank : tie < otherTie;
    }

    /** [tier ordinal] -> the waiting time at which the first step admitting the tier starts. */
    private static long[] admitsAfter(QueueConfig queue) {
        long[] after = new long[TIERS];
        Arrays.fill(after, Long.MAX_VALUE);
        long start = 0;
        for (RoutingStep step : queue.steps()) {
            for (Tier tier : step.tiers()) {
                after[tier.ordinal()] = Math.min(after[tier.ordinal()], start);
            }
            if (step.lasts() != null) {
                start += step.lasts().toMillis();
            }
        }
        return after;
    }

    /** The queue's step boundaries, shared by its calls (see {@link CallRecord#stepIndex}). */
    private static long[] stepEnds(QueueConfig queue) {
        long[] ends = new long[queue.steps().size() - 1];
        for (int i = 0; i < ends.length; i++) {
            ends[i] = queue.stepEndsAfterMillis(i);
        }
        return ends;
    }

    /**
     * The lanes one ready seat reads, each at its next unread call, in a binary min-heap by that call's place in
     * queue order (the root is the next to test): a k-way merge of the lanes, O(log k) per call tested. Reused
     * across decisions (routing thread only).
     */
    private static final class Candidates {
        private CallRecord[] calls = new CallRecord[32];
        private long[] ranks = new long[32];
        private long[] ties = new long[32];
        private long[] limits = new long[32];
        private int count;

        void clear() {
            count = 0;
        }

        /** Adds the lanes of {@code skill} visible to {@code tier} whose first call may be eligible now. */
        void gather(SkillLanes skill, int tier, long nowMs) {
            long[] headRanks = skill.headRanks[tier];
            long[] headTies = skill.headTies[tier];
            long[] lims = skill.limits[tier];
            CallRecord[] heads = skill.heads[tier];
            for (int i = 0, n = skill.activeCount[tier]; i < n; i++) {
                if (nowMs - headRanks[i] >= lims[i]) {
                    append(heads[i], headRanks[i], headTies[i], lims[i]);
                }
            }
        }

        /**
         * Tests the gathered lanes' calls in queue order; the first that {@code eligible} accepts, or null. A call
         * needing a skill outside {@code seatMask} is refused without asking, unless it has an owner (sticky).
         */
        CallRecord firstEligible(long nowMs, long seatMask, Predicate<CallRecord> eligible) {
            for (int slot = (count >>> 1) - 1; slot >= 0; slot--) {
                siftDown(slot);
            }
            CallRecord answer = null;
            while (count > 0) {
                CallRecord call = calls[0];
                if ((call.ownerSeatId != null || (call.skillMask & ~seatMask) == 0) && eligible.test(call)) {
                    answer = call;
                    break;
                }
                CallRecord next = call.laneNext;
                long limit = limits[0];
                // Every later call of the lane has waited no longer than this one: once one is too fresh, none
                // after it is eligible, and the lane leaves the merge.
                if (next != null && nowMs - next.rankMs >= limit) {
                    set(0, next, next.rankMs, tie(next), limit);
                } else {
                    count--;
                    move(count, 0);
                    calls[count] = null;
                }
                siftDown(0);
            }
            Arrays.fill(calls, 0, count, null);
            count = 0;
            return answer;
        }

        private void append(CallRecord call, long rank, long tie, long limit) {
            if (count == calls.length) {
                calls = Arrays.copyOf(calls, count * 2);
                ranks = Arrays.copyOf(ranks, count * 2);
                ties = Arrays.copyOf(ties, count * 2);
                limits = Arrays.copyOf(limits, count * 2);
            }
            set(count++, call, rank, tie, limit);
        }

        /** Moves the entry in {@code slot} down to its place in the heap. */
        private void siftDown(int slot) {
            if (count == 0) {
                return;
            }
            CallRecord call = calls[slot];
            long rank = ranks[slot];
            long tie = ties[slot];
            long limit = limits[slot];
            int at = slot;
            int half = count >>> 1;
            while (at < half) {
                int child = 2 * at + 1;
                int right = child + 1;
                if (right < count && before(ranks[right], ties[right], ranks[child], ties[child])) {
                    child = right;
                }
                if (!before(ranks[child], ties[child], rank, tie)) {
                    break;
                }
                move(child, at);
                at = child;
            }
            set(at, call, rank, tie, limit);
        }

        private void move(int from, int to) {
            calls[to] = calls[from];
            ranks[to] = ranks[from];
            ties[to] = ties[from];
            limits[to] = limits[from];
        }

        private void set(int slot, CallRecord call, long rank, long tie, long limit) {
            calls[slot] = call;
            ranks[slot] = rank;
            ties[slot] = tie;
            limits[slot] = limit;
        }
    }

    /** Iterates one queue's calls in queue order: its lists and its stragglers, merged. */
    private static final class QueueOrder implements Iterator<CallRecord> {
        private final CallRecord[] cursors;
        private final long[] ranks;
        private final long[] ties;
        private final Iterator<CallRecord> stragglers;
        private CallRecord straggler;

        QueueOrder(QueueCalls calls) {
            cursors = Arrays.copyOf(calls.heads, calls.lists);
            ranks = new long[cursors.length];
            ties = new long[cursors.length];
            for (int i = 0; i < cursors.length; i++) {
                load(i);
            }
            stragglers = calls.stragglers.iterator();
            straggler = stragglers.hasNext() ? stragglers.next() : null;
        }

        @Override
        public boolean hasNext() {
            if (straggler != null) {
                return true;
            }
            for (CallRecord cursor : cursors) {
                if (cursor != null) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public CallRecord next() {
            int first = -1;
            for (int i = 0; i < cursors.length; i++) {
                if (cursors[i] != null && (first < 0 || before(ranks[i], ties[i], ranks[first], ties[first]))) {
                    first = i;
                }
            }
            if (straggler != null && (first < 0 || CallRecord.QUEUE_ORDER.compare(straggler, cursors[first]) < 0)) {
                CallRecord next = straggler;
                straggler = stragglers.hasNext() ? stragglers.next() : null;
                return next;
            }
            if (first < 0) {
                throw new NoSuchElementException();
            }
            CallRecord next = cursors[first];
            cursors[first] = next.queueNext;
            // Reads the list's next call now, while the caller works on this one.
            load(first);
            return next;
        }

        private void load(int cursor) {
            CallRecord call = cursors[cursor];
            if (call != null) {
                ranks[cursor] = call.rankMs;
                ties[cursor] = tie(call);
            }
        }
    }
}
