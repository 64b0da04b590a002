package io.hotline.routing.engine;

import io.hotline.routing.ladder.Tier;
import io.hotline.routing.queue.RoutingStep;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The offerable seats, indexed so that finding the best seat for a call touches only seats that have the
 * call's primary skill at a sufficient level in an allowed tier: bucket per (skill, tier, level), each ordered
 * longest idle first. Confined to the routing thread.
 * <p>
 * A seat added is filed in its buckets only when the index is next searched: a seat that becomes ready usually
 * takes a waiting call at once and leaves again, and then never touches the buckets.
 */
final class ReadySeats {
    private static final int TIERS = 3;
    private static final int LEVELS = 6;

    /** [skill][tier][level] -> seats, longest idle first. */
    private final List<TreeSet<SeatRecord>[][]> bySkill = new ArrayList<>();
    /** [tier] -> every offerable seat of the tier, for calls that need no skill. */
    @SuppressWarnings("unchecked")
    private final TreeSet<SeatRecord>[] byTier = new TreeSet[TIERS];
    /** Seats added but not yet filed in {@link #bySkill} and {@link #byTier}; see the class comment. */
    private final List<SeatRecord> unfiled = new ArrayList<>();
    private int size;

    ReadySeats() {
        for (int tier = 0; tier < TIERS; tier++) {
            byTier[tier] = new TreeSet<>(SeatRecord.IDLE_ORDER);
        }
    }

    int size() {
        return size;
    }

    void add(SeatRecord seat) {
        if (seat.indexed) {
            return;
        }
        if (!seat.awaitingFiling) {
            seat.awaitingFiling = true;
            unfiled.add(seat);
        }
        seat.indexed = true;
        size++;
    }

    void remove(SeatRecord seat) {
        if (!seat.indexed) {
            return;
        }
        // An unfiled seat stays in the list (at most once per seat) and is skipped when the index is searched.
        if (seat.filed) {
            int tier = seat.tier.ordinal();
            byTier[tier].remove(seat);
            for (int skill : seat.skillIds) {
                bucket(skill, tier, seat.level(skill)).remove(seat);
            }
            seat.filed = false;
        }
        seat.indexed = false;
        size--;
    }

    /** Files the seats added since the last search and still in the index. */
    private void fileAdded() {
        for (int i = 0, n = unfiled.size(); i < n; i++) {
            SeatRecord seat = unfiled.get(i);
            seat.awaitingFiling = false;
            if (seat.indexed && !seat.filed) {
                int tier = seat.tier.ordinal();
                byTier[tier].add(seat);
                for (int skill : seat.skillIds) {
                    bucket(skill, tier, seat.level(skill)).add(seat);
                }
                seat.filed = true;
            }
        }
        unfiled.clear();
    }

    /**
     * The best offerable seat for {@code call} under {@code step}, or {@code null}.
     *
     * @param found counts, into {@code found[0]}, the ready seats that pass the primary-skill filter (an upper
     *              bound of the eligible seats when the call needs more than one skill)
     */
    SeatRecord best(CallRecord call, RoutingStep step, SeatOrdering ordering, int[] found) {
        fileAdded();
        found[0] = 0;
        if (size == 0) {
            // The usual answer while callers queue: no seat is ready at all.
            return null;
        }
        for (Tier tier : step.tiers()) {
            SeatRecord best = call.hasRequirements() ? bestWithSkills(call, step, tier, ordering, found)
                    : bestOfTier(tier, found);
            if (best != null) {
                return best;
            }
        }
        return null;
    }

    private SeatRecord bestOfTier(Tier tier, int[] found) {
        TreeSet<SeatRecord> seats = byTier[tier.ordinal()];
        found[0] += seats.size();
        return seats.isEmpty() ? null : seats.first();
    }

    private SeatRecord bestWithSkills(CallRecord call, RoutingStep step, Tier tier, SeatOrdering ordering,
                                      int[] found) {
        int primary = call.requiredSkills[0];
        if (primary >= bySkill.size()) {
            return null;
        }
        int minimum = step.effectiveMinimum(call.requiredLevels[0]);
        SeatRecord best = null;
        for (int level = LEVELS - 1; level >= minimum; level--) {
            TreeSet<SeatRecord> bucket = bySkill.get(primary)[tier.ordinal()][level];
            if (bucket == null || bucket.isEmpty()) {
                continue;
            }
            found[0] += bucket.size();
            SeatRecord first = firstSatisfying(bucket, call, step, best);
            if (first != null) {
                if (ordering == SeatOrdering.BEST_PROFICIENCY) {
                    return first;
                }
                best = first;
            }
        }
        return best;
    }

    /** The first seat of {@code bucket} that has the call's other skills, if it idled longer than {@code than}. */
    private static SeatRecord firstSatisfying(TreeSet<SeatRecord> bucket, CallRecord call, RoutingStep step,
                                              SeatRecord than) {
        for (SeatRecord seat : bucket) {
            if (than != null && SeatRecord.IDLE_ORDER.compare(seat, than) >= 0) {
                return null;
            }
            if (hasOtherSkills(seat, call, step)) {
                return seat;
            }
        }
        return null;
    }

    static boolean hasOtherSkills(SeatRecord seat, CallRecord call, RoutingStep step) {
        for (int i = 1; i < call.requiredSkills.length; i++) {
            if (seat.level(call.requiredSkills[i]) < step.effectiveMinimum(call.requiredLevels[i])) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private TreeSet<SeatRecord> bucket(int skill, int tier, int level) {
        while (bySkill.size() <= skill) {
            bySkill.add(new TreeSet[TIERS][LEVELS]);
        }
        TreeSet<SeatRecord>[][] byTierAndLevel = bySkill.get(skill);
        TreeSet<SeatRecord> bucket = byTierAndLevel[tier][level];
        if (bucket == null) {
            bucket = new TreeSet<>(SeatRecord.IDLE_ORDER);
            byTierAndLevel[tier][level] = bucket;
        }
        return bucket;
    }
}
