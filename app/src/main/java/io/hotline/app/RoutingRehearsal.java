package io.hotline.app;

import io.hotline.routing.engine.CallPriority;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingConfig;
import io.hotline.routing.engine.RoutingEngine;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.hours.BusinessHours;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatProfile;
import io.hotline.routing.workorder.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A rehearsal of the call path on a throwaway engine, run once at start before Asterisk can reach Hotline: the first
 * real caller then finds the engine's classes loaded, linked and its hot methods compiled, instead of paying for them
 * (a cold engine took about 7 ms of the first call's route-to-dial). The throwaway engine has the production queues
 * with every tier always open and seats of its own; its commands go nowhere and nothing of it outlives
 * {@link #run}: the real engine, its seats, calls and records are untouched.
 * <p>
 * Not thread-safe; called by the starting thread.
 */
final class RoutingRehearsal {
    /** Rehearsed calls: enough for the JIT's first tier to compile the arrival-to-offer path. */
    static final int CALLS = 2_000;

    private final RoutingConfig config;

    RoutingRehearsal(RoutingConfig config) {
        this.config = config.withHours(BusinessHours.ALWAYS_OPEN);
    }

    /**
     * Plays {@code calls} calls, each offered to a seat, answered and ended, on a new engine.
     *
     * @return how many of them were offered to a rehearsal seat (every one, for queues a seat without skills can
     *         answer; fewer where every step needs a skill)
     */
    int run(int calls) {
        // Past the wrap-up after each call, so the rehearsal seats are ready again for the next one.
        RehearsalClock clock = new RehearsalClock(config.wrapUp().plusSeconds(1));
        RoutingEngine engine = new RoutingEngine(config, clock);
        int[] offers = new int[1];
        String[] offeredTo = new String[1];
        Consumer<RoutingCommand> sink = command -> {
            if (command instanceof RoutingCommand.OfferCall offer) {
                offers[0]++;
                offeredTo[0] = offer.seatId();
            }
        };
        List<Tier> tiers = List.of(Tier.TIER1, Tier.TIER2, Tier.EXPERT);
        for (int i = 0; i < tiers.size(); i++) {
            String seat = "rehearsal-" + i;
            engine.apply(new RoutingEvent.SeatConfigured(new SeatProfile(seat, tiers.get(i), Map.of(),
                    "Local/rehearsal-" + i)), sink);
            engine.apply(new RoutingEvent.SeatLoggedIn(seat, null), sink);
            engine.apply(new RoutingEvent.SeatReady(seat, null), sink);
        }
        CallPriority priority = new CallPriority(Severity.P3, false, "BASIC");
        for (int call = 0; call < calls; call++) {
            String callId = "rehearsal." + call;
            int before = offers[0];
            engine.apply(new RoutingEvent.CallArrived(callId, config.defaultQueue(), List.of(), priority, null,
                    null), sink);
            clock.advance();
            if (offers[0] > before) {
                engine.apply(new RoutingEvent.OfferAnswered(callId, offeredTo[0], null), sink);
            }
            engine.apply(new RoutingEvent.CallEnded(callId), sink);
            engine.apply(new RoutingEvent.CallHungUp(callId), sink);
            clock.advance();
            engine.apply(engine.tick(), sink);
        }
        return offers[0];
    }

    /** A clock that moves a step at a time, so the engine's timers (wrap-up, ring-out) come due in turn. */
    private static final class RehearsalClock implements InstantSource {
        private final Duration step;
        private Instant now = Instant.parse("2026-01-05T03:00:00Z");

        RehearsalClock(Duration step) {
            this.step = step;
        }

        void advance() {
            now = now.plus(step);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
