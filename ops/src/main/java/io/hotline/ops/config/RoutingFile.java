package io.hotline.ops.config;

import io.hotline.routing.engine.PriorityWeights;
import io.hotline.routing.engine.RoutingConfig;
import io.hotline.routing.engine.SeatOrdering;
import io.hotline.routing.hours.BusinessHours;
import io.hotline.routing.hours.OpeningHours;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.queue.DialledNumbers;
import io.hotline.routing.queue.QueueConfig;
import io.hotline.routing.queue.RoutingStep;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Loads the routing configuration from the Java-properties file named by {@link Setting#HOTLINE_ROUTING_FILE}
 * ({@code docs/routing.properties} documents every key and holds the built-in defaults). Every key is optional and
 * falls back to {@link RoutingConfig#defaults()}, except two things: a file that lists {@code queues} defines
 * each of them (its steps, and each step's tiers, and a duration for every step but the last); and a file's
 * business hours are only the {@code hours.TIER} lines it has (a tier without one is always open).
 * <p>
 * The file is validated as it loads. A key that is not a routing key, a key that appears twice, a malformed or
 * out-of-range value, and a value the routing records reject all fail with an {@link InvalidSettingException}
 * that names the file, the key and the value. Durations are written as for the settings ({@code 30s},
 * {@code 3m}, {@code PT30M}). Stateless and thread-safe.
 */
public final class RoutingFile {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Duration SERVICE_LEVEL = Duration.ofSeconds(20);
    private static final int MAX_POINTS = 100;
    private static final int MAX_MISSED_OFFERS = 100;
    private static final String ALWAYS = "always";
    private static final String QUEUE_PREFIX = "queue.";
    private static final String DNIS_PREFIX = "dnis.";

    private RoutingFile() {
    }

    /**
     * The routing configuration in {@code file}.
     *
     * @throws InvalidSettingException naming the file, the key and the value, for the first problem found
     */
    public static RoutingConfig load(Path file) {
        RoutingProperties properties = RoutingProperties.read(file);
        RoutingConfig config = config(properties);
        List<String> unknown = properties.unknownKeys();
        if (!unknown.isEmpty()) {
            throw unknownKey(properties, unknown.get(0));
        }
        return config;
    }

    private static RoutingConfig config(RoutingProperties file) {
        RoutingConfig defaults = RoutingConfig.defaults();
        Map<String, QueueConfig> queues = defaults.queues();
        String firstQueue = defaults.defaultQueue();
        Optional<List<String>> names = file.list("queues");
        if (names.isPresent()) {
            queues = new LinkedHashMap<>();
            for (String queue : names(file, "queues", names.get())) {
                queues.put(queue, queue(file, queue));
            }
            firstQueue = names.get().get(0);
        }
        String defaultQueue = file.optional("default-queue").orElse(firstQueue);
        if (!queues.containsKey(defaultQueue)) {
            throw file.invalid("default-queue", "is not one of the queues " + new TreeSet<>(queues.keySet()));
        }
        SeatOrdering ordering = file.optional("ordering").map(value -> ordering(file, value))
                .orElse(defaults.ordering());
        try {
            return new RoutingConfig(queues, defaultQueue, hours(file), ordering, weights(file),
                    file.positiveDuration("ring-timeout", defaults.ringTimeout()),
                    file.intInRange("max-missed-offers", defaults.maxMissedOffers(), 1, MAX_MISSED_OFFERS),
                    file.durationOrZero("decline-cooldown", defaults.declineCooldown()),
                    file.durationOrZero("wrap-up", defaults.wrapUp()),
                    file.durationOrZero("sticky-for", defaults.stickyFor()),
                    file.positiveDuration("announce-every", defaults.announceEvery()),
                    file.positiveDuration("offer-callback-after", defaults.offerCallbackAfter()),
                    file.positiveDuration("assumed-handle-time", defaults.assumedHandleTime()),
                    dialledNumbers(file, queues));
        } catch (IllegalArgumentException e) {
            // Every value was checked on its own above; this is a rule across keys that was missed there.
            throw file.failure(Setting.HOTLINE_ROUTING_FILE.key(),
                    "the routing configuration is inconsistent: " + e.getMessage());
        }
    }

    private static QueueConfig queue(RoutingProperties file, String queue) {
        String prefix = QUEUE_PREFIX + queue + ".";
        String stepsKey = prefix + "steps";
        List<String> stepNames = names(file, stepsKey, file.list(stepsKey).orElseThrow(
                () -> file.missing(stepsKey, "queue " + queue + " is listed in queues, so it needs its steps")));
        List<RoutingStep> steps = new ArrayList<>();
        for (int i = 0; i < stepNames.size(); i++) {
            steps.add(step(file, queue, stepNames.get(i), i == stepNames.size() - 1));
        }
        Duration serviceLevel = file.positiveDuration(prefix + "service-level", SERVICE_LEVEL);
        try {
            return new QueueConfig(queue, steps, serviceLevel);
        } catch (IllegalArgumentException e) {
            throw file.invalid(stepsKey, e);
        }
    }

    private static RoutingStep step(RoutingProperties file, String queue, String step, boolean last) {
        String prefix = QUEUE_PREFIX + queue + ".step." + step + ".";
        String tiersKey = prefix + "tiers";
        List<Tier> tiers = new ArrayList<>();
        for (String tier : file.list(tiersKey).orElseThrow(() -> file.missing(tiersKey,
                "step " + step + " of queue " + queue + " needs the tiers that may take its calls"))) {
            tiers.add(seatTier(file, tiersKey, tier));
        }
        int minProficiency = file.intInRange(prefix + "min-proficiency", 0, 0, 5);
        String lastsKey = prefix + "lasts";
        Duration lasts = null;
        if (last && file.optional(lastsKey).isPresent()) {
            throw file.invalid(lastsKey, "must not be set: " + step + " is the last step of queue " + queue
                    + ", which lasts until the call is answered");
        } else if (!last) {
            lasts = file.positiveDuration(lastsKey, null);
            if (lasts == null) {
                throw file.missing(lastsKey, "every step but the last of queue " + queue + " needs a duration");
            }
        }
        try {
            return new RoutingStep(step, tiers, minProficiency, lasts);
        } catch (IllegalArgumentException e) {
            throw file.invalid(tiersKey, e);
        }
    }

    /**
     * The {@code dnis.<number>.queue} and {@code dnis.<number>.product} keys. Other keys under {@code dnis.} are
     * left unasked, so they are reported as unknown keys.
     */
    private static DialledNumbers dialledNumbers(RoutingProperties file, Map<String, QueueConfig> queues) {
        Map<String, String> queueByNumber = new LinkedHashMap<>();
        Map<String, String> productByNumber = new LinkedHashMap<>();
        for (String key : file.keysStartingWith(DNIS_PREFIX)) {
            int dot = key.lastIndexOf('.');
            String number = dot > DNIS_PREFIX.length() ? key.substring(DNIS_PREFIX.length(), dot) : "";
            String attribute = key.substring(dot + 1);
            if (!attribute.equals("queue") && !attribute.equals("product")) {
                continue;
            }
            if (!DialledNumbers.isNumber(number)) {
                throw file.invalid(key, "is for '" + number + "', which is not a dialled number (digits, optionally"
                        + " after +, as Asterisk sends it, e.g. dnis.+864008001234.queue)");
            }
            String value = file.optional(key).orElseThrow();
            if (attribute.equals("queue")) {
                if (!queues.containsKey(value)) {
                    throw file.invalid(key, "is not one of the queues " + new TreeSet<>(queues.keySet()));
                }
                queueByNumber.put(number, value);
            } else {
                if (!DialledNumbers.isSkill(value)) {
                    throw file.invalid(key, "is not a skill code (letters, digits, _ and -, e.g. ERP_U8)");
                }
                productByNumber.put(number, value);
            }
        }
        return new DialledNumbers(queueByNumber, productByNumber);
    }

    private static List<String> names(RoutingProperties file, String key, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!NAME.matcher(name).matches()) {
                throw file.invalid(key, "has '" + name + "', which is not a name (letters, digits, - and _)");
            }
            if (!seen.add(name)) {
                throw file.invalid(key, "names " + name + " twice");
            }
        }
        return names;
    }

    private static Tier seatTier(RoutingProperties file, String key, String name) {
        for (Tier tier : Tier.values()) {
            if (tier.isSeatTier() && tier.name().equalsIgnoreCase(name)) {
                return tier;
            }
        }
        throw file.invalid(key, "has '" + name + "', which is not a seat tier (TIER1, TIER2 or EXPERT)");
    }

    private static SeatOrdering ordering(RoutingProperties file, String value) {
        try {
            return SeatOrdering.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw file.invalid("ordering", "is not a seat ordering (BEST_PROFICIENCY or LONGEST_IDLE)");
        }
    }

    private static PriorityWeights weights(RoutingProperties file) {
        PriorityWeights defaults = PriorityWeights.DEFAULT;
        return new PriorityWeights(
                file.intInRange("priority.p1", defaults.p1(), 0, MAX_POINTS),
                file.intInRange("priority.p2", defaults.p2(), 0, MAX_POINTS),
                file.intInRange("priority.vip", defaults.vip(), 0, MAX_POINTS),
                file.intInRange("priority.premium", defaults.premium(), 0, MAX_POINTS),
                file.intInRange("priority.standard", defaults.standard(), 0, MAX_POINTS),
                file.durationOrZero("priority.per-point", defaults.perPoint()));
    }

    private static BusinessHours hours(RoutingProperties file) {
        ZoneId zone = file.optional("hours.zone").map(value -> {
            try {
                return ZoneId.of(value);
            } catch (DateTimeException e) {
                throw file.invalid("hours.zone", "is not a time zone (e.g. Asia/Shanghai or UTC)");
            }
        }).orElse(BusinessHours.DEFAULT.zone());
        Map<Tier, OpeningHours> schedule = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            String key = "hours." + tier.name();
            if (tier.isSeatTier()) {
                file.optional(key).filter(value -> !value.equalsIgnoreCase(ALWAYS)).ifPresent(value -> {
                    try {
                        schedule.put(tier, OpeningHoursSyntax.parse(value));
                    } catch (IllegalArgumentException e) {
                        throw file.invalid(key, e.getMessage());
                    }
                });
            }
        }
        Set<LocalDate> holidays = new HashSet<>();
        for (String date : file.list("holidays").orElse(List.of())) {
            try {
                holidays.add(LocalDate.parse(date));
            } catch (DateTimeParseException e) {
                throw file.invalid("holidays", "has '" + date + "', which is not a date (YYYY-MM-DD)");
            }
        }
        return new BusinessHours(zone, schedule, holidays);
    }

    private static InvalidSettingException unknownKey(RoutingProperties file, String key) {
        String[] parts = key.split("\\.", -1);
        String why = "it is not a routing key" + file.closestKnown(key).map(known -> "; did you mean " + known + "?")
                .orElse(" (docs/routing.properties lists every key)");
        if (parts[0].equals("dnis")) {
            why = "a dialled number has only dnis.<number>.queue and dnis.<number>.product";
        }
        if (parts[0].equals("queue") && parts.length > 2) {
            List<String> queues = file.list("queues").orElse(List.of());
            if (!queues.contains(parts[1])) {
                why = queues.isEmpty() ? "queues is not set, so the file defines no queue (set queues to list them)"
                        : "queue " + parts[1] + " is not listed in queues";
            } else if (parts[2].equals("step") && parts.length > 3
                    && !file.list(QUEUE_PREFIX + parts[1] + ".steps").orElse(List.of()).contains(parts[3])) {
                why = "step " + parts[3] + " is not listed in " + QUEUE_PREFIX + parts[1] + ".steps";
            }
        }
        return file.failure(key, "unknown key " + key + ": " + why);
    }
}
