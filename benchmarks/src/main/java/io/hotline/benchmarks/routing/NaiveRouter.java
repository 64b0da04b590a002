package io.hotline.benchmarks.routing;

import io.hotline.routing.engine.Explanation;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingConfig;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.engine.SeatOrdering;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.queue.QueueConfig;
import io.hotline.routing.queue.RoutingStep;
import io.hotline.routing.queue.SkillRequirement;
import io.hotline.routing.seat.SeatProfile;
import io.hotline.routing.seat.SeatState;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The benchmark's peer: the straightforward router with the engine's decision semantics and no index. Seats and
 * waiting calls are plain lists; every decision scans all of them.
 * <ul>
 *   <li>A seat becomes ready: scan every waiting call, keep the first in queue order (effective arrival
 *       {@code joined - points x point value}, then escalated, then arrival sequence) that the seat may take
 *       under the call's current relaxation step (tier in the step, each required skill at the step's minimum).
 *   <li>A call arrives (or its step widens while seats are idle): scan every seat, keep the ready one that may
 *       take it, best by the step's tier preference, then (by {@link SeatOrdering#BEST_PROFICIENCY}) the highest
 *       proficiency in the primary skill, then longest idle, fewer calls today, configured first.
 * </ul>
 * To isolate the indexes, it gets the engine's data representation: dense skill ids, proficiency arrays, and each
 * queue's step boundaries and tier preferences precomputed. It does less than the engine: no explanations, no
 * announcements or callback offers, no timers (a step that widens is found by scanning the waiting calls, and
 * only while a seat is idle, the only time it can change a decision).
 * <p>
 * Handles what the benchmark sends: seats configured and logged in, calls arriving, answered and ended; business
 * hours always open, no wrap-up, no sticky owners. Anything else throws {@link UnsupportedOperationException}.
 * Not thread-safe: confined to the benchmark thread.
 */
final class NaiveRouter implements Router {
    private static final Explanation EXPLANATION = Explanation.of("baseline: scanned every seat or every waiting call");
    /** Timer order of steps that widened together: when each widened, then arrival order (the engine's). */
    private static final Comparator<Call> WIDENING_ORDER = Comparator.<Call>comparingLong(call -> call.widenedAtMs)
            .thenComparingLong(call -> call.sequence);

    private final RoutingConfig config;
    private final InstantSource clock;
    private final boolean byProficiency;
    private final Map<String, QueuePlan> plans = new HashMap<>();
    private final Map<String, Integer> skillIds = new HashMap<>();
    private final Map<String, Seat> seatsById = new HashMap<>();
    private final List<Seat> seats = new ArrayList<>();
    private final Map<String, Call> callsById = new HashMap<>();
    private final List<Call> waiting = new ArrayList<>();
    private final List<Call> widened = new ArrayList<>();
    private long nowMs;
    /** Steps that widened up to here have been handled. */
    private long widenedUpToMs;
    private long callSequence;
    private int idleSeats;

    NaiveRouter(RoutingConfig config, InstantSource clock) {
        if (!config.wrapUp().isZero() || !config.hours().schedule().isEmpty()
                || !config.hours().holidays().isEmpty()) {
            throw new UnsupportedOperationException("the baseline routes around the clock without wrap-up");
        }
        this.config = config;
        this.clock = clock;
        this.byProficiency = config.ordering() == SeatOrdering.BEST_PROFICIENCY;
        config.queues().forEach((name, queue) -> plans.put(name, new QueuePlan(queue)));
        this.nowMs = clock.millis();
        this.widenedUpToMs = nowMs;
    }

    @Override
    public void apply(RoutingEvent event, Consumer<? super RoutingCommand> sink) {
        nowMs = Math.max(nowMs, clock.millis());
        if (idleSeats > 0) {
            routeWidened(sink);
        }
        widenedUpToMs = nowMs;
        if (event instanceof RoutingEvent.CallEnded ended) {
            ended(callsById.get(ended.callId()), sink);
        } else if (event instanceof RoutingEvent.CallArrived arrived) {
            arrived(arrived, sink);
        } else if (event instanceof RoutingEvent.OfferAnswered answered) {
            answered(callsById.get(answered.callId()), seatsById.get(answered.seatId()), sink);
        } else if (event instanceof RoutingEvent.SeatConfigured configured) {
            configured(configured.profile());
        } else if (event instanceof RoutingEvent.SeatLoggedIn loggedIn) {
            loggedIn(seatsById.get(loggedIn.seatId()), sink);
        } else if (!(event instanceof RoutingEvent.Tick)) {
            throw new UnsupportedOperationException("the baseline does not handle " + event);
        }
    }

    private void configured(SeatProfile profile) {
        if (seatsById.containsKey(profile.seatId())) {
            throw new UnsupportedOperationException("the baseline does not reconfigure seats");
        }
        Seat seat = new Seat(seats.size(), profile);
        int[] ids = new int[profile.skills().size()];
        int max = 0;
        int i = 0;
        for (String code : profile.skills().keySet()) {
            ids[i] = skillIds.computeIfAbsent(code, unused -> skillIds.size());
            max = Math.max(max, ids[i] + 1);
            i++;
        }
        seat.levels = new byte[max];
        i = 0;
        for (Integer level : profile.skills().values()) {
            seat.levels[ids[i++]] = level.byteValue();
        }
        seats.add(seat);
        seatsById.put(seat.id, seat);
    }

    private void loggedIn(Seat seat, Consumer<? super RoutingCommand> sink) {
        if (seat.state == SeatState.LOGGED_OUT) {
            becomeReady(seat, sink);
        }
    }

    private void arrived(RoutingEvent.CallArrived event, Consumer<? super RoutingCommand> sink) {
        if (event.ownerSeatId() != null) {
            throw new UnsupportedOperationException("the baseline ignores sticky owners: send none");
        }
        if (callsById.containsKey(event.callId())) {
            sink.accept(new RoutingCommand.RequestRejected(event.callId(), "call is already in the engine"));
            return;
        }
        QueueConfig queue = config.queueOrDefault(event.queue());
        List<SkillRequirement> requirements = event.requirements();
        int[] skills = new int[requirements.size()];
        byte[] levels = new byte[requirements.size()];
        for (int i = 0; i < skills.length; i++) {
            skills[i] = skillIds.computeIfAbsent(requirements.get(i).skill(), unused -> skillIds.size());
            levels[i] = (byte) requirements.get(i).minLevel();
        }
        long rankMs = nowMs - config.weights().points(event.priority()) * config.weights().perPoint().toMillis();
        Call call = new Call(event.callId(), callSequence++, plans.get(queue.name()), skills, levels, rankMs);
        call.queuedMs = nowMs;
        call.workOrderId = event.workOrderId();
        callsById.put(call.id, call);
        call.waitingIndex = waiting.size();
        waiting.add(call);
        routeCall(call, sink);
    }

    private void answered(Call call, Seat seat, Consumer<? super RoutingCommand> sink) {
        if (call == null || seat == null || call.seat != seat || seat.state != SeatState.RESERVED) {
            sink.accept(new RoutingCommand.RequestRejected(seat == null ? "?" : seat.id, "not offered"));
            return;
        }
        seat.state = SeatState.ON_CALL;
        seat.callsToday++;
        sink.accept(new RoutingCommand.SeatStateChanged(seat.id, SeatState.ON_CALL, null));
        sink.accept(new RoutingCommand.CallConnected(call.id, seat.id, Duration.ofMillis(nowMs - call.queuedMs)));
    }

    private void ended(Call call, Consumer<? super RoutingCommand> sink) {
        if (call == null || call.seat == null || call.seat.state != SeatState.ON_CALL) {
            throw new UnsupportedOperationException("the baseline ends connected calls only");
        }
        callsById.remove(call.id);
        Seat seat = call.seat;
        seat.call = null;
        becomeReady(seat, sink);
    }

    private void becomeReady(Seat seat, Consumer<? super RoutingCommand> sink) {
        seat.readySinceMs = nowMs;
        seat.state = SeatState.READY;
        idleSeats++;
        sink.accept(new RoutingCommand.SeatStateChanged(seat.id, SeatState.READY, null));
        routeSeat(seat, sink);
    }

    /** Decision for a ready seat: the first waiting call in queue order that it may take, by a full scan. */
    private void routeSeat(Seat seat, Consumer<? super RoutingCommand> sink) {
        Call best = firstCallFor(seat);
        if (best != null) {
            offer(best, seat, sink);
        }
    }

    /** The first waiting call in queue order that {@code seat} may take, by a full scan. */
    private Call firstCallFor(Seat seat) {
        Call best = null;
        for (int i = 0, n = waiting.size(); i < n; i++) {
            Call call = waiting.get(i);
            if ((best == null || ahead(call, best)) && mayTake(seat, call, call.plan.stepAt(nowMs - call.queuedMs))) {
                best = call;
            }
        }
        return best;
    }

    /**
     * Decision for a waiting call: the best ready seat that may take it, by a full scan; as in the engine, that
     * seat first takes any waiting call ahead of this one that it may take, and the search goes on.
     */
    private void routeCall(Call call, Consumer<? super RoutingCommand> sink) {
        while (call.seat == null) {
            Seat seat = bestSeatFor(call);
            if (seat == null) {
                return;
            }
            Call first = firstCallFor(seat);
            offer(first != null && ahead(first, call) ? first : call, seat, sink);
        }
    }

    private Seat bestSeatFor(Call call) {
        int step = call.plan.stepAt(nowMs - call.queuedMs);
        int[] tierRank = call.plan.tierRank[step];
        Seat best = null;
        int bestRank = Integer.MAX_VALUE;
        int bestLevel = 0;
        for (int i = 0, n = seats.size(); i < n; i++) {
            Seat seat = seats.get(i);
            if (seat.state != SeatState.READY) {
                continue;
            }
            int rank = tierRank[seat.tier.ordinal()];
            if (rank < 0 || rank > bestRank || !hasSkills(seat, call, step)) {
                continue;
            }
            int level = byProficiency && call.skills.length > 0 ? seat.level(call.skills[0]) : 0;
            if (best == null || rank < bestRank || level > bestLevel
                    || level == bestLevel && idleLonger(seat, best)) {
                best = seat;
                bestRank = rank;
                bestLevel = level;
            }
        }
        return best;
    }

    /**
     * The engine re-routes a waiting call when one of its steps ends (a timer). Only an idle seat can then take
     * it, so while one is idle: find the calls whose step ended since the last event and route them in timer
     * order. Once per call is enough: a second step ending in the same gap finds no seat the first did not.
     */
    private void routeWidened(Consumer<? super RoutingCommand> sink) {
        widened.clear();
        for (int i = 0, n = waiting.size(); i < n; i++) {
            Call call = waiting.get(i);
            long[] ends = call.plan.stepEndsMs;
            for (int step = 0; step < ends.length - 1; step++) {
                long at = call.queuedMs + ends[step];
                if (at > widenedUpToMs && at <= nowMs) {
                    call.widenedAtMs = at;
                    widened.add(call);
                    break;
                }
            }
        }
        widened.sort(WIDENING_ORDER);
        for (Call call : widened) {
            if (call.seat == null && idleSeats > 0) {
                routeCall(call, sink);
            }
        }
    }

    private void offer(Call call, Seat seat, Consumer<? super RoutingCommand> sink) {
        Call last = waiting.remove(waiting.size() - 1);
        if (last != call) {
            waiting.set(call.waitingIndex, last);
            last.waitingIndex = call.waitingIndex;
        }
        call.waitingIndex = -1;
        call.seat = seat;
        seat.call = call;
        seat.state = SeatState.RESERVED;
        idleSeats--;
        sink.accept(new RoutingCommand.SeatStateChanged(seat.id, SeatState.RESERVED, null));
        sink.accept(new RoutingCommand.OfferCall(call.id, seat.id, seat.profile.dialString(), seat.tier,
                call.workOrderId, config.ringTimeout(), EXPLANATION));
    }

    private boolean mayTake(Seat seat, Call call, int step) {
        return call.plan.tierRank[step][seat.tier.ordinal()] >= 0 && hasSkills(seat, call, step);
    }

    private static boolean hasSkills(Seat seat, Call call, int step) {
        int stepMinimum = call.plan.minProficiency[step];
        for (int i = 0; i < call.skills.length; i++) {
            if (seat.level(call.skills[i]) < (stepMinimum == 0 ? call.levels[i] : stepMinimum)) {
                return false;
            }
        }
        return true;
    }

    /** Queue order: earlier effective arrival, then escalated (never, here), then arrival sequence. */
    private static boolean ahead(Call call, Call than) {
        return call.rankMs != than.rankMs ? call.rankMs < than.rankMs : call.sequence < than.sequence;
    }

    private static boolean idleLonger(Seat seat, Seat than) {
        if (seat.readySinceMs != than.readySinceMs) {
            return seat.readySinceMs < than.readySinceMs;
        }
        return seat.callsToday != than.callsToday ? seat.callsToday < than.callsToday : seat.index < than.index;
    }

    /** A queue's steps, precomputed: when each ends after joining, its tiers' preference, its minimum level. */
    private static final class QueuePlan {
        final long[] stepEndsMs;
        /** [step][tier ordinal] -> preference (0 = first) or -1 when the step does not allow the tier. */
        final int[][] tierRank;
        final int[] minProficiency;

        QueuePlan(QueueConfig queue) {
            int steps = queue.steps().size();
            stepEndsMs = new long[steps];
            tierRank = new int[steps][Tier.values().length];
            minProficiency = new int[steps];
            for (int step = 0; step < steps; step++) {
                RoutingStep routingStep = queue.steps().get(step);
                stepEndsMs[step] = queue.stepEndsAfterMillis(step);
                Arrays.fill(tierRank[step], -1);
                for (int rank = 0; rank < routingStep.tiers().size(); rank++) {
                    tierRank[step][routingStep.tiers().get(rank).ordinal()] = rank;
                }
                minProficiency[step] = routingStep.minProficiency();
            }
        }

        int stepAt(long waitedMs) {
            for (int step = 0; step < stepEndsMs.length - 1; step++) {
                if (waitedMs < stepEndsMs[step]) {
                    return step;
                }
            }
            return stepEndsMs.length - 1;
        }
    }

    /** A configured seat. */
    private static final class Seat {
        final int index;
        final String id;
        final SeatProfile profile;
        final Tier tier;
        byte[] levels;
        SeatState state = SeatState.LOGGED_OUT;
        Call call;
        long readySinceMs;
        int callsToday;

        Seat(int index, SeatProfile profile) {
            this.index = index;
            this.id = profile.seatId();
            this.profile = profile;
            this.tier = profile.tier();
        }

        int level(int skill) {
            return skill < levels.length ? levels[skill] : 0;
        }
    }

    /** A call from arrival until it ends. */
    private static final class Call {
        final String id;
        final long sequence;
        final QueuePlan plan;
        final int[] skills;
        final byte[] levels;
        final long rankMs;
        long queuedMs;
        Long workOrderId;
        Seat seat;
        int waitingIndex = -1;
        long widenedAtMs;

        Call(String id, long sequence, QueuePlan plan, int[] skills, byte[] levels, long rankMs) {
            this.id = id;
            this.sequence = sequence;
            this.plan = plan;
            this.skills = skills;
            this.levels = levels;
            this.rankMs = rankMs;
        }
    }
}
