package io.hotline.benchmarks.routing;

import io.hotline.routing.engine.CallPriority;
import io.hotline.routing.engine.RoutingConfig;
import io.hotline.routing.engine.RoutingEvent.CallArrived;
import io.hotline.routing.hours.BusinessHours;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.queue.SkillRequirement;
import io.hotline.routing.seat.SeatProfile;
import io.hotline.routing.workorder.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic call centre: seats with skewed skills and the callers who ring it. The same {@link WorldSize}
 * (with its seed) always gives the same seats and the same sequence of callers, so two routers fed from two
 * worlds of one size see identical events.
 * <p>
 * Seats: 60 % tier 1, 30 % tier 2, 10 % experts (by seat number). Each has 1-2 product lines and modules up to
 * 4-10 skills, drawn with Zipf weights, so a few product lines and modules are common and most modules rare.
 * Proficiency 1-4 in tier 1, 2-5 in tier 2, 3-5 for experts.
 * <p>
 * Callers: 60 % to queue {@code support}, 30 % to {@code tier2}, 10 % to {@code expert}. Each caller's needs are
 * taken from a random seat of the queue's tier (1 skill in half the calls, 2 in 35 %, 3 in 15 %; the primary
 * skill a product line in 60 % when that seat has one; minimum level 1-3, never above that seat's), so every
 * caller can be served by someone. Priorities: 3 % P1, 17 % P2; 5 % VIP; contracts 50 % basic, 30 % standard,
 * 20 % premium. Callers cycle through {@link #TEMPLATES} generated needs with fresh call ids.
 * <p>
 * Not thread-safe: one world per benchmark thread.
 */
final class RoutingWorld {
    /** When every generated world's clock starts. */
    static final Instant START = Instant.parse("2026-11-18T02:00:00Z");
    /** How many distinct callers' needs are generated; call {@code n} uses template {@code n mod TEMPLATES}. */
    static final int TEMPLATES = 1 << 16;

    private static final String[] QUEUES = {RoutingConfig.SUPPORT, "tier2", "expert"};
    private static final Tier[] QUEUE_TIERS = {Tier.TIER1, Tier.TIER2, Tier.EXPERT};

    private final WorldSize size;
    private final String[] skillCodes;
    private final Tier[] seatTiers;
    private final int[][] seatSkills;
    private final int[][] seatLevels;
    private final Template[] templates = new Template[TEMPLATES];
    private long nextCall;

    /** One generated caller's needs, without the call id. */
    private record Template(String queue, List<SkillRequirement> requirements, CallPriority priority) {
    }

    RoutingWorld(WorldSize size) {
        this.size = size;
        Random random = new Random(size.seed());
        int productLines = size.skills() / 10;
        skillCodes = new String[size.skills()];
        for (int i = 0; i < size.skills(); i++) {
            skillCodes[i] = i < productLines ? String.format("PL%03d", i + 1)
                    : String.format("M%03d", i - productLines + 1);
        }
        seatTiers = new Tier[size.seats()];
        seatSkills = new int[size.seats()][];
        seatLevels = new int[size.seats()][];
        double[] lineWeights = zipf(productLines);
        double[] moduleWeights = zipf(size.skills() - productLines);
        for (int seat = 0; seat < size.seats(); seat++) {
            int decile = seat % 10;
            seatTiers[seat] = decile < 6 ? Tier.TIER1 : decile < 9 ? Tier.TIER2 : Tier.EXPERT;
            int lines = random.nextInt(10) < 7 ? 1 : 2;
            int total = 4 + random.nextInt(7);
            int[] skills = new int[total];
            drawDistinct(random, lineWeights, 0, skills, 0, lines);
            drawDistinct(random, moduleWeights, productLines, skills, lines, total);
            seatSkills[seat] = skills;
            int[] levels = new int[total];
            int lowest = seatTiers[seat] == Tier.TIER1 ? 1 : seatTiers[seat] == Tier.TIER2 ? 2 : 3;
            for (int i = 0; i < total; i++) {
                levels[i] = lowest + random.nextInt(seatTiers[seat] == Tier.TIER1 ? 4 : 6 - lowest);
            }
            seatLevels[seat] = levels;
        }
        generateTemplates(random, productLines);
    }

    WorldSize size() {
        return size;
    }

    /**
     * The routing configuration the benchmark runs: the documented defaults, open around the clock and with no
     * wrap-up, so a seat whose call ends is ready at once.
     */
    static RoutingConfig config() {
        RoutingConfig defaults = RoutingConfig.defaults();
        return defaults.withHours(BusinessHours.ALWAYS_OPEN).withTimes(Duration.ZERO, defaults.stickyFor());
    }

    /** The seats, built afresh on every call (so a memory measurement counts what the router keeps). */
    List<SeatProfile> seatProfiles() {
        List<SeatProfile> profiles = new ArrayList<>(size.seats());
        for (int seat = 0; seat < size.seats(); seat++) {
            Map<String, Integer> skills = new LinkedHashMap<>();
            for (int i = 0; i < seatSkills[seat].length; i++) {
                skills.put(skillCodes[seatSkills[seat][i]], seatLevels[seat][i]);
            }
            String id = String.format("S%05d", seat + 1);
            profiles.add(new SeatProfile(id, seatTiers[seat], skills, "PJSIP/" + id));
        }
        return profiles;
    }

    /** The next caller: a fresh call id with the next generated needs. */
    CallArrived nextCall() {
        Template template = templates[(int) (nextCall % TEMPLATES)];
        String id = "C" + nextCall;
        nextCall++;
        return new CallArrived(id, template.queue(), template.requirements(), template.priority(), null, null);
    }

    private void generateTemplates(Random random, int productLines) {
        List<List<Integer>> seatsOfTier = new ArrayList<>();
        for (int tier = 0; tier < QUEUE_TIERS.length; tier++) {
            seatsOfTier.add(new ArrayList<>());
        }
        for (int seat = 0; seat < size.seats(); seat++) {
            seatsOfTier.get(seatTiers[seat].ordinal()).add(seat);
        }
        CallPriority[] priorities = priorities();
        for (int t = 0; t < TEMPLATES; t++) {
            int roll = random.nextInt(10);
            int queue = roll < 6 ? 0 : roll < 9 ? 1 : 2;
            List<Integer> candidates = seatsOfTier.get(queue);
            int model = candidates.get(random.nextInt(candidates.size()));
            int needsRoll = random.nextInt(20);
            int needs = Math.min(seatSkills[model].length, needsRoll < 10 ? 1 : needsRoll < 17 ? 2 : 3);
            templates[t] = new Template(QUEUES[queue], requirementsLike(random, model, needs, productLines),
                    priorities[random.nextInt(priorities.length)]);
        }
    }

    /** {@code needs} of the model seat's skills, the primary first, at levels the model seat meets. */
    private List<SkillRequirement> requirementsLike(Random random, int model, int needs, int productLines) {
        int[] skills = seatSkills[model];
        int[] order = new int[skills.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        if (random.nextInt(10) < 6) {
            // The caller chose a product line in the IVR: move one of the model's lines to the front.
            for (int i = 0; i < order.length; i++) {
                if (skills[order[i]] < productLines) {
                    int swap = order[0];
                    order[0] = order[i];
                    order[i] = swap;
                    break;
                }
            }
        }
        List<SkillRequirement> requirements = new ArrayList<>(needs);
        for (int i = 0; i < needs; i++) {
            int level = seatLevels[model][order[i]];
            requirements.add(new SkillRequirement(skillCodes[skills[order[i]]], 1 + random.nextInt(Math.min(3,
                    level))));
        }
        return List.copyOf(requirements);
    }

    /** Weighted draw: 3 % P1 and 17 % P2, 5 % VIP, contracts 50 % basic, 30 % standard, 20 % premium. */
    private static CallPriority[] priorities() {
        List<CallPriority> bag = new ArrayList<>();
        String[] contracts = {"BASIC", "BASIC", "BASIC", "BASIC", "BASIC", "STANDARD", "STANDARD", "STANDARD",
            "PREMIUM", "PREMIUM"};
        for (int severity = 0; severity < 100; severity++) {
            Severity level = severity < 3 ? Severity.P1 : severity < 20 ? Severity.P2 : Severity.P3;
            for (int vip = 0; vip < 20; vip++) {
                for (String contract : contracts) {
                    bag.add(new CallPriority(level, vip == 0, contract));
                }
            }
        }
        return bag.toArray(new CallPriority[0]);
    }

    private static double[] zipf(int count) {
        double[] cumulative = new double[count];
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        for (int i = 0; i < count; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    /** Fills {@code into[from..to)} with distinct skills drawn by {@code cumulative} weights, offset by base. */
    private static void drawDistinct(Random random, double[] cumulative, int base, int[] into, int from, int to) {
        for (int i = from; i < to; i++) {
            int skill;
            int attempts = 0;
            do {
                int index = Arrays.binarySearch(cumulative, random.nextDouble());
                skill = base + Math.min(cumulative.length - 1, index >= 0 ? index : -index - 1);
                attempts++;
            } while (contains(into, from, i, skill) && attempts < 1_000);
            if (contains(into, from, i, skill)) {
                throw new IllegalStateException("could not draw " + (to - from) + " distinct skills");
            }
            into[i] = skill;
        }
    }

    private static boolean contains(int[] values, int from, int to, int value) {
        for (int i = from; i < to; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }
}
