package io.hotline.routing.engine;

import io.hotline.routing.engine.RoutingEvent.CallArrived;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.queue.SkillRequirement;
import io.hotline.routing.seat.SeatProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Drives a {@link RoutingEngine} with a manual clock and records every command, for pure single-threaded tests.
 * Starts on a Wednesday at 10:00 Shanghai time, when the default business hours are open.
 */
final class EngineHarness {
    static final Instant START = Instant.parse("2026-11-18T02:00:00Z");

    final ManualClock clock = new ManualClock(START);
    final RoutingEngine engine;
    final List<RoutingCommand> commands = new ArrayList<>();

    EngineHarness(RoutingConfig config) {
        engine = new RoutingEngine(config, clock);
    }

    EngineHarness() {
        this(RoutingConfig.defaults());
    }

    EngineHarness apply(RoutingEvent... events) {
        for (RoutingEvent event : events) {
            engine.apply(event, commands::add);
        }
        return this;
    }

    /** Moves the clock and fires what fell due. */
    EngineHarness advance(Duration duration) {
        clock.advance(duration);
        return apply(new RoutingEvent.Tick());
    }

    EngineHarness advanceSeconds(long seconds) {
        return advance(Duration.ofSeconds(seconds));
    }

    /** Configures and logs in a seat with skills given as code, level, code, level... */
    EngineHarness seat(String id, Tier tier, Object... skillsAndLevels) {
        Map<String, Integer> skills = new java.util.LinkedHashMap<>();
        for (int i = 0; i < skillsAndLevels.length; i += 2) {
            skills.put((String) skillsAndLevels[i], (Integer) skillsAndLevels[i + 1]);
        }
        return apply(new RoutingEvent.SeatConfigured(new SeatProfile(id, tier, skills, "PJSIP/" + id)),
                new RoutingEvent.SeatLoggedIn(id));
    }

    /** A call to the default queue needing {@code skill} at level 1 or more. */
    EngineHarness call(String id, String skill) {
        return apply(arrival(id, RoutingConfig.SUPPORT, CallPriority.NORMAL, null, skill, 1));
    }

    static CallArrived arrival(String id, String queue, CallPriority priority, String owner, Object... skills) {
        List<SkillRequirement> requirements = new ArrayList<>();
        for (int i = 0; i < skills.length; i += 2) {
            requirements.add(new SkillRequirement((String) skills[i], (Integer) skills[i + 1]));
        }
        return new CallArrived(id, queue, requirements, priority, owner, null);
    }

    /** Commands of {@code type} recorded so far. */
    <T extends RoutingCommand> List<T> all(Class<T> type) {
        return commands.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The last offer, or fails. */
    RoutingCommand.OfferCall lastOffer() {
        List<RoutingCommand.OfferCall> offers = all(RoutingCommand.OfferCall.class);
        if (offers.isEmpty()) {
            throw new AssertionError("no offer was made; commands: " + commands);
        }
        return offers.get(offers.size() - 1);
    }

    /** "call->seat" pairs of every offer, in order. */
    List<String> offers() {
        return all(RoutingCommand.OfferCall.class).stream().map(offer -> offer.callId() + "->" + offer.seatId())
                .toList();
    }

    void clear() {
        commands.clear();
    }

    static List<Object> list(Object... items) {
        return Arrays.asList(items);
    }
}
