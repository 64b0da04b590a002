package io.hotline.routing.engine;

import io.hotline.routing.engine.EngineModel.Call;
import io.hotline.routing.engine.EngineModel.Seat;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The invariants of the engine's state, checked after every event through its public API ({@code seats()},
 * {@code calls()}, {@code call(id)}, {@code seat(id)}, {@code snapshot()}), and the model's agreement with it:
 * <ul>
 *   <li>no seat holds two calls, and seats and calls agree on who holds whom; a reserved seat has exactly one
 *       offered call; an offered call's seat is reserved; a connected call's seat is on call, or logged out
 *       when the agent logged out mid-call;</li>
 *   <li>every caller ever sent is waiting, offered, connected or gone, and a gone caller comes back only as a
 *       new arrival;</li>
 *   <li>the snapshot's seat counts add up to the configured seats per tier and agree with {@code seats()};
 *       its waiting counts agree with {@code calls()};</li>
 *   <li>no caller waits while a ready, free, reachable seat that is not cooling down may take them.</li>
 * </ul>
 * Stateless apart from the callers seen live after the previous event. Confined to the test thread.
 */
final class InvariantChecks {
    private static final List<Tier> SEAT_TIERS = List.of(Tier.TIER1, Tier.TIER2, Tier.EXPERT);

    private final Set<String> liveBefore = new HashSet<>();

    /** Checks the engine after an event; {@code arrived} is the call id that event brought in, or null. */
    void check(RoutingEngine engine, EngineModel model, String arrived, List<String> violations) {
        Map<String, SeatStatus> seats = seatsById(engine, violations);
        Map<String, CallStatus> calls = callsById(engine, model, violations);
        checkHolding(seats, calls, violations);
        checkCallers(engine, model, calls, arrived, violations);
        checkSnapshot(engine, model, seats, calls, violations);
        checkAgreement(model, seats, calls, violations);
        checkNoIdleMatch(model, violations);
    }

    private static Map<String, SeatStatus> seatsById(RoutingEngine engine, List<String> violations) {
        Map<String, SeatStatus> seats = new HashMap<>();
        for (SeatStatus seat : engine.seats()) {
            if (seats.put(seat.seatId(), seat) != null) {
                violations.add("seats() lists " + seat.seatId() + " twice");
            }
            if (!seat.equals(engine.seat(seat.seatId()).orElse(null))) {
                violations.add("seat(" + seat.seatId() + ") disagrees with seats(): " + seat);
            }
        }
        return seats;
    }

    private static Map<String, CallStatus> callsById(RoutingEngine engine, EngineModel model,
                                                     List<String> violations) {
        Map<String, CallStatus> calls = new HashMap<>();
        for (CallStatus call : engine.calls()) {
            if (calls.put(call.callId(), call) != null) {
                violations.add("calls() lists " + call.callId() + " twice");
            }
            if (!model.sent.contains(call.callId())) {
                violations.add("the engine knows call " + call.callId() + ", which was never sent");
            }
            if (call.phase() == null) {
                violations.add("call " + call.callId() + " has no phase");
            }
        }
        return calls;
    }

    /** No seat holds two calls; seats and calls agree; reserved, on call and offered go together. */
    private static void checkHolding(Map<String, SeatStatus> seats, Map<String, CallStatus> calls,
                                     List<String> violations) {
        Map<String, String> holder = new HashMap<>();
        for (CallStatus call : calls.values()) {
            if (call.phase() == CallPhase.WAITING) {
                if (call.seatId() != null) {
                    violations.add("waiting call " + call.callId() + " names seat " + call.seatId());
                }
                continue;
            }
            SeatStatus seat = call.seatId() == null ? null : seats.get(call.seatId());
            if (seat == null) {
                violations.add(call.phase() + " call " + call.callId() + " has no seat: " + call);
                continue;
            }
            String other = holder.put(seat.seatId(), call.callId());
            if (other != null) {
                violations.add("seat " + seat.seatId() + " holds two calls: " + other + " and " + call.callId());
            }
            if (!call.callId().equals(seat.callId())) {
                violations.add("call " + call.callId() + " names seat " + seat.seatId() + ", which holds "
                        + seat.callId());
            }
            if (call.phase() == CallPhase.OFFERED && seat.state() != SeatState.RESERVED) {
                violations.add("offered call " + call.callId() + " rings on seat " + seat.seatId() + " in "
                        + seat.state());
            }
            if (call.phase() == CallPhase.CONNECTED && seat.state() != SeatState.ON_CALL
                    && seat.state() != SeatState.LOGGED_OUT) {
                violations.add("connected call " + call.callId() + " is on seat " + seat.seatId() + " in "
                        + seat.state());
            }
        }
        for (SeatStatus seat : seats.values()) {
            if (seat.callId() != null && !seat.callId().equals(holder.get(seat.seatId()))) {
                violations.add("seat " + seat.seatId() + " holds " + seat.callId() + ", which does not name it: "
                        + calls.get(seat.callId()));
            }
            CallStatus call = seat.callId() == null ? null : calls.get(seat.callId());
            if (seat.state() == SeatState.RESERVED && (call == null || call.phase() != CallPhase.OFFERED)) {
                violations.add("reserved seat " + seat.seatId() + " has no offered call: " + call);
            }
            if (seat.state() == SeatState.ON_CALL && (call == null || call.phase() != CallPhase.CONNECTED)) {
                violations.add("seat " + seat.seatId() + " is on call without a connected call: " + call);
            }
        }
    }

    /** Every caller is waiting, offered, connected or gone; gone ones come back only as new arrivals. */
    private void checkCallers(RoutingEngine engine, EngineModel model, Map<String, CallStatus> calls,
                              String arrived, List<String> violations) {
        for (String id : model.sent) {
            Optional<CallStatus> status = engine.call(id);
            if (!Objects.equals(status.orElse(null), calls.get(id))) {
                violations.add("call(" + id + ") = " + status + " disagrees with calls(): " + calls.get(id));
            }
            if (status.isPresent() && !liveBefore.contains(id) && !id.equals(arrived)) {
                violations.add("call " + id + " came back without arriving again: " + status.get());
            }
        }
        liveBefore.clear();
        liveBefore.addAll(calls.keySet());
    }

    private static void checkSnapshot(RoutingEngine engine, EngineModel model, Map<String, SeatStatus> seats,
                                      Map<String, CallStatus> calls, List<String> violations) {
        RoutingSnapshot snapshot = engine.snapshot();
        int[][] listed = new int[Tier.values().length][SeatState.values().length];
        seats.values().forEach(seat -> listed[seat.tier().ordinal()][seat.state().ordinal()]++);
        int[] configured = new int[Tier.values().length];
        model.seats.values().forEach(seat -> configured[seat.tier.ordinal()]++);
        for (Tier tier : SEAT_TIERS) {
            int counted = 0;
            int listedInTier = 0;
            for (SeatState state : SeatState.values()) {
                int inState = snapshot.seats(tier, state);
                counted += inState;
                listedInTier += listed[tier.ordinal()][state.ordinal()];
                if (inState != listed[tier.ordinal()][state.ordinal()]) {
                    violations.add("snapshot counts " + inState + " " + tier + " seats " + state + ", seats() "
                            + listed[tier.ordinal()][state.ordinal()]);
                }
            }
            if (counted != configured[tier.ordinal()] || listedInTier != configured[tier.ordinal()]) {
                violations.add(tier + ": " + configured[tier.ordinal()] + " seats configured, snapshot counts "
                        + counted + ", seats() lists " + listedInTier);
            }
        }
        Map<String, Integer> waiting = new HashMap<>();
        calls.values().forEach(call -> {
            if (call.phase() == CallPhase.WAITING) {
                waiting.merge(call.queue(), 1, Integer::sum);
            }
        });
        snapshot.queues().forEach((queue, figures) -> {
            if (figures.waiting() != waiting.getOrDefault(queue, 0)) {
                violations.add("snapshot says " + figures.waiting() + " waiting in " + queue + ", calls() "
                        + waiting.getOrDefault(queue, 0));
            }
        });
    }

    /** The model, built from events and commands alone, must see what the engine reports. */
    private static void checkAgreement(EngineModel model, Map<String, SeatStatus> seats,
                                       Map<String, CallStatus> calls, List<String> violations) {
        if (!seats.keySet().equals(model.seats.keySet())) {
            violations.add("seats " + seats.keySet() + ", model expects " + model.seats.keySet());
        }
        for (Seat seat : model.seats.values()) {
            SeatStatus status = seats.get(seat.id);
            if (status != null && (status.state() != seat.state || status.device() != seat.device
                    || status.tier() != seat.tier || !Objects.equals(status.callId(), seat.callId))) {
                violations.add("seat " + status + " disagrees with the model: " + seat.state + " " + seat.device
                        + " " + seat.tier + " holding " + seat.callId);
            }
        }
        if (!calls.keySet().equals(model.calls.keySet())) {
            violations.add("calls " + calls.keySet() + ", model expects " + model.calls.keySet());
        }
        for (Call call : model.calls.values()) {
            CallStatus status = calls.get(call.id);
            if (status != null && (status.phase() != call.phase || !Objects.equals(status.seatId(), call.seatId)
                    || !status.queue().equals(call.queue.name()))) {
                violations.add("call " + status + " disagrees with the model: " + call);
            }
        }
    }

    /** Work conservation: a caller never waits while a seat that may take them sits ready and free. */
    private static void checkNoIdleMatch(EngineModel model, List<String> violations) {
        for (Seat seat : model.seats.values()) {
            if (!model.offerable(seat)) {
                continue;
            }
            for (Call call : model.callsIn(CallPhase.WAITING)) {
                if (model.eligible(seat, call)) {
                    violations.add("call " + call + " waits while seat " + seat.id + " (" + seat.tier + " "
                            + seat.skills + ", " + seat.device + ") is ready and may take it");
                }
            }
        }
    }
}
