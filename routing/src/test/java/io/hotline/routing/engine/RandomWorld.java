package io.hotline.routing.engine;

import io.hotline.routing.hours.BusinessHours;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.queue.QueueConfig;
import io.hotline.routing.queue.RoutingStep;
import io.hotline.routing.seat.SeatProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A small random call center for the property tests, made from one seed: 3-12 seats across the three seat
 * tiers with random skills from a pool of 3-6 codes at levels 1-5, the default queues or 1-3 random ones, and
 * random offer, wrap-up and sticky settings. Most worlds are always open; the others use the default hours and
 * some of them start two minutes before tier 1 and tier 2 close. Immutable.
 *
 * @param seed     what the world was made from
 * @param config   the engine's configuration
 * @param seats    the seats configured before the script starts
 * @param loggedIn the seats logged in before the script starts
 * @param skills   the skill pool seats and calls draw from
 * @param start    the clock at the start
 */
record RandomWorld(long seed, RoutingConfig config, List<SeatProfile> seats, List<String> loggedIn,
                   List<String> skills, Instant start) {

    /** Tier 1 and tier 2 close at 19:00 Shanghai time: this is 18:58 on a Wednesday. */
    static final Instant BEFORE_CLOSING = Instant.parse("2026-11-18T10:58:00Z");

    RandomWorld {
        seats = List.copyOf(seats);
        loggedIn = List.copyOf(loggedIn);
        skills = List.copyOf(skills);
    }

    static RandomWorld generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> skills = new ArrayList<>();
        int skillCount = 3 + random.nextInt(4);
        for (int i = 0; i < skillCount; i++) {
            skills.add("SK" + i);
        }
        List<SeatProfile> seats = new ArrayList<>();
        List<String> loggedIn = new ArrayList<>();
        int seatCount = 3 + random.nextInt(10);
        for (int i = 0; i < seatCount; i++) {
            seats.add(randomProfile("s" + i, skills, random));
            if (random.nextInt(4) != 0) {
                loggedIn.add("s" + i);
            }
        }
        RoutingConfig config = RoutingConfig.defaults();
        if (random.nextInt(3) == 0) {
            config = config.withQueues(randomQueues(random), "q0");
        }
        if (random.nextBoolean()) {
            config = config.withOffers(Duration.ofSeconds(5 + random.nextInt(26)), 1 + random.nextInt(3),
                    Duration.ofSeconds(random.nextBoolean() ? 0 : random.nextInt(21)));
        }
        if (random.nextBoolean()) {
            config = config.withTimes(Duration.ofSeconds(random.nextBoolean() ? 0 : random.nextInt(61)),
                    Duration.ofSeconds(random.nextBoolean() ? 0 : 5 + random.nextInt(30)));
        }
        if (random.nextBoolean()) {
            config = config.withOrdering(SeatOrdering.LONGEST_IDLE);
        }
        Instant start = EngineHarness.START;
        if (random.nextInt(5) != 0) {
            config = config.withHours(BusinessHours.ALWAYS_OPEN);
        } else if (random.nextBoolean()) {
            start = BEFORE_CLOSING;
        }
        return new RandomWorld(seed, config, seats, loggedIn, skills, start);
    }

    /** A seat of a random tier with each pool skill at a random level, or not at all. */
    static SeatProfile randomProfile(String seatId, List<String> skills, SplittableRandom random) {
        Tier tier = List.of(Tier.TIER1, Tier.TIER2, Tier.EXPERT).get(random.nextInt(3));
        Map<String, Integer> levels = new LinkedHashMap<>();
        for (String skill : skills) {
            if (random.nextBoolean()) {
                levels.put(skill, 1 + random.nextInt(5));
            }
        }
        return new SeatProfile(seatId, tier, levels, "PJSIP/" + seatId);
    }

    private static Map<String, QueueConfig> randomQueues(SplittableRandom random) {
        Map<String, QueueConfig> queues = new LinkedHashMap<>();
        int queueCount = 1 + random.nextInt(3);
        for (int q = 0; q < queueCount; q++) {
            List<RoutingStep> steps = new ArrayList<>();
            int stepCount = 1 + random.nextInt(3);
            for (int s = 0; s < stepCount; s++) {
                List<Tier> tiers = new ArrayList<>(List.of(Tier.TIER1, Tier.TIER2, Tier.EXPERT));
                for (int i = tiers.size() - 1; i > 0; i--) {
                    tiers.set(i, tiers.set(random.nextInt(i + 1), tiers.get(i)));
                }
                boolean last = s == stepCount - 1;
                steps.add(new RoutingStep("step" + s, tiers.subList(0, 1 + random.nextInt(3)), random.nextInt(6),
                        last ? null : Duration.ofSeconds(5 + random.nextInt(56))));
            }
            queues.put("q" + q, new QueueConfig("q" + q, steps, Duration.ofSeconds(20)));
        }
        return queues;
    }

    /** Everything needed to rebuild the world by hand, for failure reports. */
    String describe() {
        StringBuilder text = new StringBuilder(512);
        text.append("world from seed ").append(seed).append(", start ").append(start)
                .append("\n  queues (default ").append(config.defaultQueue()).append("):");
        config.queues().values().forEach(queue -> text.append("\n    ").append(queue));
        text.append("\n  ring ").append(config.ringTimeout()).append(", max missed ").append(config.maxMissedOffers())
                .append(", cool-down ").append(config.declineCooldown()).append(", wrap-up ").append(config.wrapUp())
                .append(", sticky ").append(config.stickyFor()).append(", ").append(config.ordering())
                .append(config.hours().equals(BusinessHours.ALWAYS_OPEN) ? ", always open" : ", default hours")
                .append("\n  seats:");
        seats.forEach(seat -> text.append("\n    ").append(seat.seatId()).append(' ').append(seat.tier()).append(' ')
                .append(seat.skills()).append(loggedIn.contains(seat.seatId()) ? " logged in" : ""));
        return text.toString();
    }

    @Override
    public String toString() {
        return "RandomWorld[seed=" + seed + ", " + seats.size() + " seats, queues " + config.queues().keySet() + "]";
    }
}
