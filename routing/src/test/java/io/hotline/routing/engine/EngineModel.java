package io.hotline.routing.engine;

import io.hotline.routing.ladder.Tier;
import io.hotline.routing.queue.QueueConfig;
import io.hotline.routing.queue.RoutingStep;
import io.hotline.routing.queue.SkillRequirement;
import io.hotline.routing.seat.DeviceState;
import io.hotline.routing.seat.SeatState;
import io.hotline.routing.workorder.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a property run knows about the engine, built only from the events it sent and the commands it saw, never
 * from the engine's internals: the seats (profile, state, device, cool-down), the live calls (queue, when they
 * joined it, priority, sequence, owner, phase) and every call id ever sent. It answers the rule questions the
 * checks ask: is a call sticky, which step is in force, is a seat eligible for a call, which call comes first.
 * <p>
 * Mutable, one per run, confined to the test thread. The rules here are written from the documented semantics
 * (RoutingEngine javadoc, docs/routing.md), not copied from the engine.
 */
final class EngineModel {

    /** A seat as the model sees it. */
    static final class Seat {
        final String id;
        Tier tier;
        Map<String, Integer> skills;
        SeatState state = SeatState.LOGGED_OUT;
        DeviceState device = DeviceState.UNKNOWN;
        String callId;
        long coolUntilMs;
        /** Its offer was just declined or missed: a cool-down starts if it goes back to ready. */
        boolean declining;

        Seat(String id) {
            this.id = id;
        }

        int level(String skill) {
            return skills.getOrDefault(skill, 0);
        }
    }

    /** A live call as the model sees it; {@code phase} is null while an escalation moves it. */
    static final class Call {
        final String id;
        final long sequence;
        final long rankMs;
        final List<SkillRequirement> requirements;
        QueueConfig queue;
        long queuedMs;
        boolean escalated;
        String ownerSeatId;
        long stickyUntilMs;
        CallPhase phase = CallPhase.WAITING;
        String seatId;

        Call(String id, long sequence, long rankMs, List<SkillRequirement> requirements) {
            this.id = id;
            this.sequence = sequence;
            this.rankMs = rankMs;
            this.requirements = List.copyOf(requirements);
        }

        @Override
        public String toString() {
            return id + "(" + phase + " in " + queue.name() + " since " + queuedMs + ", rank " + rankMs
                    + (escalated ? ", escalated" : "") + ", seq " + sequence + ", needs " + requirements
                    + (ownerSeatId == null ? "" : ", owner " + ownerSeatId + " until " + stickyUntilMs) + ")";
        }
    }

    /** Queue discipline: earliest effective arrival, then escalated calls, then arrival order. */
    static final Comparator<Call> QUEUE_ORDER = Comparator.<Call>comparingLong(call -> call.rankMs)
            .thenComparing(call -> !call.escalated)
            .thenComparingLong(call -> call.sequence);

    final RoutingConfig config;
    final Map<String, Seat> seats = new LinkedHashMap<>();
    final Map<String, Call> calls = new LinkedHashMap<>();
    final Set<String> sent = new LinkedHashSet<>();
    long nowMs;
    private long sequence;

    EngineModel(RoutingConfig config) {
        this.config = config;
    }

    /** The queue a call naming {@code name} joins: the default one when the name is unknown. */
    QueueConfig queueNamed(String name) {
        QueueConfig queue = config.queues().get(name);
        return queue != null ? queue : config.queues().get(config.defaultQueue());
    }

    /** Priority points, from the weights' fields. */
    int points(CallPriority priority) {
        PriorityWeights weights = config.weights();
        int points = priority.severity() == Severity.P1 ? weights.p1() : 0;
        points += priority.severity() == Severity.P2 ? weights.p2() : 0;
        points += priority.vip() ? weights.vip() : 0;
        points += "PREMIUM".equals(priority.contract()) ? weights.premium() : 0;
        points += "STANDARD".equals(priority.contract()) ? weights.standard() : 0;
        return points;
    }

    /** A new live call, waiting in {@code queue} from now. */
    Call join(String id, QueueConfig queue, CallPriority priority, List<SkillRequirement> requirements) {
        long rank = nowMs - points(priority) * config.weights().perPoint().toMillis();
        Call call = new Call(id, sequence++, rank, requirements);
        call.queue = queue;
        call.queuedMs = nowMs;
        calls.put(id, call);
        return call;
    }

    /** The step in force for a waiting call now, counted from when it joined its current queue. */
    RoutingStep step(Call call) {
        long waited = Math.max(0, nowMs - call.queuedMs);
        long ends = 0;
        List<RoutingStep> steps = call.queue.steps();
        for (int i = 0; i < steps.size() - 1; i++) {
            ends += steps.get(i).lasts().toMillis();
            if (waited < ends) {
                return steps.get(i);
            }
        }
        return steps.get(steps.size() - 1);
    }

    /** Whether the call still waits for its owner seat alone (the owner is configured and logged in). */
    boolean sticky(Call call) {
        if (call.ownerSeatId == null || nowMs >= call.stickyUntilMs) {
            return false;
        }
        Seat owner = seats.get(call.ownerSeatId);
        return owner != null && owner.state != SeatState.LOGGED_OUT;
    }

    /** Whether the seat's tier and skills fit the call's step in force now (sticky windows aside). */
    boolean fits(Seat seat, Call call) {
        RoutingStep step = step(call);
        if (!step.tiers().contains(seat.tier)) {
            return false;
        }
        for (SkillRequirement requirement : call.requirements) {
            int minimum = step.minProficiency() == 0 ? requirement.minLevel() : step.minProficiency();
            if (seat.level(requirement.skill()) < minimum) {
                return false;
            }
        }
        return true;
    }

    /** Whether the seat may take the waiting call now: only its owner during a sticky window, else if it fits. */
    boolean eligible(Seat seat, Call call) {
        return sticky(call) ? seat.id.equals(call.ownerSeatId) : fits(seat, call);
    }

    /** Whether a call could be offered to the seat now: ready, free, phone able to ring, not cooling down. */
    boolean offerable(Seat seat) {
        return seat.state == SeatState.READY && seat.callId == null && canRing(seat.device)
                && nowMs >= seat.coolUntilMs;
    }

    static boolean canRing(DeviceState device) {
        return device == DeviceState.UNKNOWN || device == DeviceState.NOT_IN_USE;
    }

    /** The live calls in {@code phase}. */
    List<Call> callsIn(CallPhase phase) {
        List<Call> found = new ArrayList<>();
        calls.values().forEach(call -> {
            if (call.phase == phase) {
                found.add(call);
            }
        });
        return found;
    }

    /** Forgets a call that left the engine. */
    void gone(Call call) {
        calls.remove(call.id);
        if (call.seatId != null) {
            Seat seat = seats.get(call.seatId);
            if (seat != null && call.id.equals(seat.callId)) {
                seat.callId = null;
            }
        }
    }
}
