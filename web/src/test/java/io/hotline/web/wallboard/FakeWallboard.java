package io.hotline.web.wallboard;

import io.hotline.routing.desk.ClockKind;
import io.hotline.routing.seat.SeatState;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A wallboard backend whose floor a test sets: a few queues, two tiers of seats, two clocks, two dispatches on
 * three branches around Shanghai. {@link #waiting(int)} changes the callers waiting in queue {@code support}.
 * Thread-safe: the snapshot is a volatile immutable value. Shared through web's test-jar.
 */
public final class FakeWallboard implements WallboardBackend {
    /** The wall screens' token of the tests. */
    public static final String TOKEN = "wall-screen-token-0123456789abcdef";

    /** What the clocks and deadlines count from: fixed, so that the floor changes only when a test changes it. */
    private final Instant base = Instant.now();
    private volatile boolean ready = true;
    private volatile int waiting = 3;

    @Override
    public boolean ready() {
        return ready;
    }

    /** Whether the backend answers (else 503). */
    public void ready(boolean answering) {
        this.ready = answering;
    }

    /** Sets the callers waiting in {@code support} (and its longest wait, waiting × 7 s). */
    public void waiting(int callers) {
        this.waiting = callers;
    }

    @Override
    public WallboardSnapshot snapshot() {
        Instant now = base;
        int callers = waiting;
        return new WallboardSnapshot(Instant.now(), Instant.parse("2026-12-06T16:00:00Z"), List.of(
                new WallboardSnapshot.QueueLine("sales", "TIER1", 0, 0, 1.0, 20, null),
                new WallboardSnapshot.QueueLine("support", "TIER1", callers, callers * 7L, 0.85, 20,
                        new WallboardSnapshot.Day(120, 100, 84, 7))),
                List.of(tier("TIER1", 6, 2, 1), tier("TIER2", 2, 1, 0)),
                List.of(new WallboardSnapshot.Clock(7001, "P1", "TIER2", "S201", ClockKind.RESPONSE,
                                now.minusSeconds(90), true),
                        new WallboardSnapshot.Clock(7002, "P2", "TIER1", null, ClockKind.RESOLUTION,
                                now.plusSeconds(600), false)), 3,
                List.of(new WallboardSnapshot.Dispatch(8001, "SENT", "B01", 31.204, 121.52, List.of(
                                new WallboardSnapshot.Leg("B01", now.minusSeconds(60), now.plusSeconds(540), null,
                                        null)), "acknowledge", now.plusSeconds(540)),
                        new WallboardSnapshot.Dispatch(8002, "ASSIGNED", "B02", 30.29, 120.15, List.of(
                                new WallboardSnapshot.Leg("B01", now.minusSeconds(3600), now.minusSeconds(3000), null,
                                        now.minusSeconds(3000)),
                                new WallboardSnapshot.Leg("B02", now.minusSeconds(3000), now.minusSeconds(2400),
                                        now.minusSeconds(2800), null)), null, null)),
                List.of(new WallboardSnapshot.Branch("B01", "浦东分公司", 31.22, 121.54),
                        new WallboardSnapshot.Branch("B02", "杭州分公司", 30.27, 120.16),
                        new WallboardSnapshot.Branch("B03", "苏州分公司", 31.30, 120.58)),
                new WallboardSnapshot.Share(85, 100));
    }

    private static WallboardSnapshot.TierSeats tier(String tier, int ready, int onCall, int unreachable) {
        Map<SeatState, Integer> states = new EnumMap<>(SeatState.class);
        for (SeatState state : SeatState.values()) {
            states.put(state, 0);
        }
        states.put(SeatState.READY, ready);
        states.put(SeatState.ON_CALL, onCall);
        return new WallboardSnapshot.TierSeats(tier, states, unreachable);
    }
}
