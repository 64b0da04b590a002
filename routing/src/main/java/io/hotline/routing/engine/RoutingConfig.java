package io.hotline.routing.engine;

import io.hotline.routing.hours.BusinessHours;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.queue.DialledNumbers;
import io.hotline.routing.queue.QueueConfig;
import io.hotline.routing.queue.RoutingStep;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the engine routes. Validated at construction; {@link #defaults()} gives the documented defaults, and
 * {@code with*} methods change one setting (tests, the routing file loader).
 *
 * @param queues             queue name to its configuration
 * @param defaultQueue       where calls naming an unknown queue go
 * @param hours              when each tier is staffed
 * @param ordering           how to choose among eligible seats
 * @param weights            caller priority points and what a point is worth
 * @param ringTimeout        how long an offer rings before it is withdrawn and the call re-offered
 * @param maxMissedOffers    missed offers in a row after which a seat goes not ready ("no-answer")
 * @param declineCooldown    how long a seat is not offered calls after it declined or missed one
 * @param wrapUp             after-call work time before a seat is ready again (zero: ready at once)
 * @param stickyFor          how long a caller with an open work order waits for its owner seat first
 * @param announceEvery      how often a waiting caller hears their position and estimated wait
 * @param offerCallbackAfter waiting time after which the caller is offered a callback
 * @param assumedHandleTime  average handling time assumed until calls have been measured
 * @param dialledNumbers     the queue and product line each dialled number picks (every queue named is configured)
 * @param holdUntilDialEnds  whether a withdrawn or rung-out offer keeps its caller out of matching until the
 *                           dialplan reports that its {@code Dial} ended ({@link RoutingEvent.OfferDeclined} for
 *                           that seat), so that no other seat is offered a caller who is still ringing the first
 *                           one (whose phone would not ring, and who would be charged a miss); Hotline sets it
 */
public record RoutingConfig(Map<String, QueueConfig> queues, String defaultQueue, BusinessHours hours,
                            SeatOrdering ordering, PriorityWeights weights, Duration ringTimeout,
                            int maxMissedOffers, Duration declineCooldown, Duration wrapUp, Duration stickyFor,
                            Duration announceEvery, Duration offerCallbackAfter, Duration assumedHandleTime,
                            DialledNumbers dialledNumbers, boolean holdUntilDialEnds) {

    /** The name of the default queue. */
    public static final String SUPPORT = "support";

    public RoutingConfig {
        queues = Map.copyOf(queues);
        Objects.requireNonNull(defaultQueue, "defaultQueue");
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(ordering, "ordering");
        Objects.requireNonNull(weights, "weights");
        if (!queues.containsKey(defaultQueue)) {
            throw new IllegalArgumentException("default queue " + defaultQueue + " is not configured");
        }
        queues.forEach((name, queue) -> {
            if (!name.equals(queue.name())) {
                throw new IllegalArgumentException("queue " + name + " is configured under another name: "
                        + queue.name());
            }
        });
        requirePositive(ringTimeout, "ringTimeout");
        requireNotNegative(declineCooldown, "declineCooldown");
        requireNotNegative(wrapUp, "wrapUp");
        requireNotNegative(stickyFor, "stickyFor");
        requirePositive(announceEvery, "announceEvery");
        requirePositive(offerCallbackAfter, "offerCallbackAfter");
        requirePositive(assumedHandleTime, "assumedHandleTime");
        if (maxMissedOffers < 1) {
            throw new IllegalArgumentException("maxMissedOffers must be at least 1: " + maxMissedOffers);
        }
        Objects.requireNonNull(dialledNumbers, "dialledNumbers");
        for (Map.Entry<String, String> number : dialledNumbers.queues().entrySet()) {
            if (!queues.containsKey(number.getValue())) {
                throw new IllegalArgumentException("dialled number " + number.getKey() + " names queue "
                        + number.getValue() + ", which is not configured");
            }
        }
    }

    /** A configuration in which no dialled number picks a queue or a product line. */
    public RoutingConfig(Map<String, QueueConfig> queues, String defaultQueue, BusinessHours hours,
                         SeatOrdering ordering, PriorityWeights weights, Duration ringTimeout, int maxMissedOffers,
                         Duration declineCooldown, Duration wrapUp, Duration stickyFor, Duration announceEvery,
                         Duration offerCallbackAfter, Duration assumedHandleTime) {
        this(queues, defaultQueue, hours, ordering, weights, ringTimeout, maxMissedOffers, declineCooldown, wrapUp,
                stickyFor, announceEvery, offerCallbackAfter, assumedHandleTime, DialledNumbers.NONE, false);
    }

    /** A configuration that re-offers a withdrawn call at once ({@code holdUntilDialEnds} false). */
    public RoutingConfig(Map<String, QueueConfig> queues, String defaultQueue, BusinessHours hours,
                         SeatOrdering ordering, PriorityWeights weights, Duration ringTimeout, int maxMissedOffers,
                         Duration declineCooldown, Duration wrapUp, Duration stickyFor, Duration announceEvery,
                         Duration offerCallbackAfter, Duration assumedHandleTime, DialledNumbers dialledNumbers) {
        this(queues, defaultQueue, hours, ordering, weights, ringTimeout, maxMissedOffers, declineCooldown, wrapUp,
                stickyFor, announceEvery, offerCallbackAfter, assumedHandleTime, dialledNumbers, false);
    }

    /** A configuration in which no dialled number picks a queue, holding withdrawn calls or not. */
    public RoutingConfig(Map<String, QueueConfig> queues, String defaultQueue, BusinessHours hours,
                         SeatOrdering ordering, PriorityWeights weights, Duration ringTimeout, int maxMissedOffers,
                         Duration declineCooldown, Duration wrapUp, Duration stickyFor, Duration announceEvery,
                         Duration offerCallbackAfter, Duration assumedHandleTime, boolean holdUntilDialEnds) {
        this(queues, defaultQueue, hours, ordering, weights, ringTimeout, maxMissedOffers, declineCooldown, wrapUp,
                stickyFor, announceEvery, offerCallbackAfter, assumedHandleTime, DialledNumbers.NONE,
                holdUntilDialEnds);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }

    private static void requireNotNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + duration);
        }
    }

    /**
     * The defaults: queue {@code support} (tier 1 with proficiency 3+ for 30 s, tier 1 at any level for 60 s
     * more, then tier 1 or tier 2), queue {@code tier2} (tier 2 for 60 s, then tier 2 or experts) and queue
     * {@code expert}; 20 s service level; tier 1 and 2 staffed 7 x 11 h; 15 s ring timeout; 3 missed offers;
     * 10 s cool-down; 30 s wrap-up; 20 s sticky; announcements every 45 s; a callback offered after 3 min.
     */
    public static RoutingConfig defaults() {
        Duration sl = Duration.ofSeconds(20);
        QueueConfig support = new QueueConfig(SUPPORT, List.of(
                new RoutingStep("tier1-proficient", List.of(Tier.TIER1), 3, Duration.ofSeconds(30)),
                new RoutingStep("tier1-any-level", List.of(Tier.TIER1), 1, Duration.ofSeconds(60)),
                new RoutingStep("tier1-or-tier2", List.of(Tier.TIER1, Tier.TIER2), 1, null)), sl);
        QueueConfig tier2 = new QueueConfig("tier2", List.of(
                new RoutingStep("tier2", List.of(Tier.TIER2), 0, Duration.ofSeconds(60)),
                new RoutingStep("tier2-or-expert", List.of(Tier.TIER2, Tier.EXPERT), 1, null)), sl);
        QueueConfig expert = new QueueConfig("expert", List.of(
                new RoutingStep("expert", List.of(Tier.EXPERT), 1, null)), sl);
        return new RoutingConfig(Map.of(SUPPORT, support, "tier2", tier2, "expert", expert), SUPPORT,
                BusinessHours.DEFAULT, SeatOrdering.BEST_PROFICIENCY, PriorityWeights.DEFAULT,
                Duration.ofSeconds(15), 3, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(20),
                Duration.ofSeconds(45), Duration.ofMinutes(3), Duration.ofMinutes(4));
    }

    /** This configuration with other queues (the default queue must be among them). */
    public RoutingConfig withQueues(Map<String, QueueConfig> newQueues, String newDefault) {
        return new RoutingConfig(newQueues, newDefault, hours, ordering, weights, ringTimeout, maxMissedOffers,
                declineCooldown, wrapUp, stickyFor, announceEvery, offerCallbackAfter, assumedHandleTime,
                dialledNumbers, holdUntilDialEnds);
    }

    /** This configuration with other business hours. */
    public RoutingConfig withHours(BusinessHours newHours) {
        return new RoutingConfig(queues, defaultQueue, newHours, ordering, weights, ringTimeout, maxMissedOffers,
                declineCooldown, wrapUp, stickyFor, announceEvery, offerCallbackAfter, assumedHandleTime,
                dialledNumbers, holdUntilDialEnds);
    }

    /** This configuration with another seat ordering. */
    public RoutingConfig withOrdering(SeatOrdering newOrdering) {
        return new RoutingConfig(queues, defaultQueue, hours, newOrdering, weights, ringTimeout, maxMissedOffers,
                declineCooldown, wrapUp, stickyFor, announceEvery, offerCallbackAfter, assumedHandleTime,
                dialledNumbers, holdUntilDialEnds);
    }

    /** This configuration with other offer handling: ring timeout, missed-offer limit, cool-down. */
    public RoutingConfig withOffers(Duration newRingTimeout, int newMaxMissed, Duration newCooldown) {
        return new RoutingConfig(queues, defaultQueue, hours, ordering, weights, newRingTimeout, newMaxMissed,
                newCooldown, wrapUp, stickyFor, announceEvery, offerCallbackAfter, assumedHandleTime,
                dialledNumbers, holdUntilDialEnds);
    }

    /** This configuration with other wrap-up and sticky times. */
    public RoutingConfig withTimes(Duration newWrapUp, Duration newStickyFor) {
        return new RoutingConfig(queues, defaultQueue, hours, ordering, weights, ringTimeout, maxMissedOffers,
                declineCooldown, newWrapUp, newStickyFor, announceEvery, offerCallbackAfter, assumedHandleTime,
                dialledNumbers, holdUntilDialEnds);
    }

    /** This configuration with other announcement and callback timing. */
    public RoutingConfig withAnnouncements(Duration newAnnounceEvery, Duration newOfferCallbackAfter) {
        return new RoutingConfig(queues, defaultQueue, hours, ordering, weights, ringTimeout, maxMissedOffers,
                declineCooldown, wrapUp, stickyFor, newAnnounceEvery, newOfferCallbackAfter, assumedHandleTime,
                dialledNumbers, holdUntilDialEnds);
    }

    /** This configuration with other dialled numbers (each queue they name must be configured). */
    public RoutingConfig withDialledNumbers(DialledNumbers newDialledNumbers) {
        return new RoutingConfig(queues, defaultQueue, hours, ordering, weights, ringTimeout, maxMissedOffers,
                declineCooldown, wrapUp, stickyFor, announceEvery, offerCallbackAfter, assumedHandleTime,
                newDialledNumbers, holdUntilDialEnds);
    }

    /** This configuration holding (or not) a withdrawn offer's caller until the dialplan reports its Dial ended. */
    public RoutingConfig withHoldUntilDialEnds(boolean hold) {
        return new RoutingConfig(queues, defaultQueue, hours, ordering, weights, ringTimeout, maxMissedOffers,
                declineCooldown, wrapUp, stickyFor, announceEvery, offerCallbackAfter, assumedHandleTime,
                dialledNumbers, hold);
    }

    /** The configuration of {@code queue}, or of the default queue when it is unknown. */
    public QueueConfig queueOrDefault(String queue) {
        QueueConfig config = queues.get(queue);
        return config != null ? config : queues.get(defaultQueue);
    }
}
