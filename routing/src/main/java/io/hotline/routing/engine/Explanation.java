package io.hotline.routing.engine;

import io.hotline.routing.ladder.Tier;
import io.hotline.routing.queue.RoutingStep;
import java.util.Objects;

/**
 * Why the engine did what it did with a call, as stored on its work order. The routing thread only captures the
 * facts of a decision; the text is formatted by whoever reads it ({@link #text()}), on its own thread, so a
 * decision costs one small object rather than a formatted string. Immutable.
 */
public sealed interface Explanation {

    /** The explanation as a sentence. */
    String text();

    /** A fixed text. */
    static Explanation of(String text) {
        return new Text(text);
    }

    /** An explanation given as text. */
    record Text(String text) implements Explanation {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** The caller waited for its owner seat first, and that seat was chosen. */
    record Sticky(String seatId) implements Explanation {
        @Override
        public String text() {
            return "sticky: the caller's open work order belongs to " + seatId;
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /**
     * A seat chosen for a call by the queue's step.
     *
     * @param queue         the call's queue
     * @param step          the relaxation step in force
     * @param primarySkill  the call's primary skill, or {@code null} when it needs none
     * @param minimum       the least proficiency the step asked in the primary skill
     * @param waitedSeconds how long the caller had waited in the queue
     * @param eligibleSeats ready seats that passed the primary-skill filter, or -1 when a seat became ready and
     *                      chose the call
     * @param seat          the chosen seat: id, tier, proficiency in the primary skill, idle time, calls today
     * @param ordering      the seat ordering in force
     */
    record SeatChosen(String queue, RoutingStep step, String primarySkill, int minimum, long waitedSeconds,
                      int eligibleSeats, ChosenSeat seat, SeatOrdering ordering) implements Explanation {
        @Override
        public String text() {
            StringBuilder text = new StringBuilder(160);
            text.append("queue ").append(queue).append(", step ").append(step.name()).append(" (tiers ")
                    .append(step.tiers());
            if (primarySkill != null) {
                text.append(", ").append(primarySkill).append(" >= ").append(minimum);
            }
            text.append(") after ").append(waitedSeconds).append(" s: ");
            if (eligibleSeats >= 0) {
                text.append(eligibleSeats).append(" ready seat(s) in reach; ");
            } else {
                text.append("seat became ready; ");
            }
            text.append("chose ").append(seat.id()).append(" (").append(seat.tier());
            if (primarySkill != null) {
                text.append(", proficiency ").append(seat.proficiency());
            }
            text.append(", idle ").append(seat.idleSeconds()).append(" s, ").append(seat.callsToday())
                    .append(" call(s) today) by ").append(ordering);
            return text.toString();
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /** The seat of a {@link SeatChosen}, as it was when chosen. */
    record ChosenSeat(String id, Tier tier, int proficiency, long idleSeconds, int callsToday) {
    }
}
