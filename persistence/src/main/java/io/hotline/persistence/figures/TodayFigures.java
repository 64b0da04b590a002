package io.hotline.persistence.figures;

import io.hotline.routing.desk.ClockKind;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.Severity;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The day's figures from the records, as docs/figures.md defines them, read by {@link TodayFiguresQuery}: per
 * configured queue the calls offered, answered (by the answering seat's tier), answered within the queue's
 * threshold, abandoned, their waits and talk times; the work orders opened today by state and severity now; SLA
 * warnings and breaches by clock; the dispatch legs by step; the surveys' satisfaction; first-contact resolution
 * and the share solved without a visit. Immutable: every map is a copy.
 *
 * @param from          the day's start: midnight in the hotline's zone
 * @param to            when they were read (the day so far)
 * @param queues        per configured queue (every one, zero when it had no call)
 * @param workOrders    work orders opened today by their state and severity now (only pairs with work orders)
 * @param slaWarnings   warnings at 50 % and 75 % fired today, by clock (each work order, clock and level once)
 * @param slaBreaches   clocks breached today, by clock
 * @param dispatchSteps the field leg's steps taken today, by step name ({@code SENT}, {@code ACKNOWLEDGED}, ...)
 * @param surveys       surveys (after a call) and follow-ups (after on-site work) answered today with a score
 * @param scoreSum      the sum of their scores (1-5 each)
 * @param service       first-contact resolution and solved without a visit of the work orders resolved today
 */
public record TodayFigures(Instant from, Instant to, Map<String, QueueDay> queues,
                           Map<WorkOrderState, Map<Severity, Long>> workOrders, Map<ClockKind, Long> slaWarnings,
                           Map<ClockKind, Long> slaBreaches, Map<String, Long> dispatchSteps, long surveys,
                           long scoreSum, PeriodFigures service) {

    public TodayFigures {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        queues = Map.copyOf(queues);
        Map<WorkOrderState, Map<Severity, Long>> copies = new EnumMap<>(WorkOrderState.class);
        workOrders.forEach((state, bySeverity) -> copies.put(state, Map.copyOf(bySeverity)));
        workOrders = Map.copyOf(copies);
        slaWarnings = Map.copyOf(slaWarnings);
        slaBreaches = Map.copyOf(slaBreaches);
        dispatchSteps = Map.copyOf(dispatchSteps);
        Objects.requireNonNull(service, "service");
    }

    /** The figures of {@code queue}: zero for a queue that had no call (or is not configured). */
    public QueueDay queue(String queue) {
        return queues.getOrDefault(queue, QueueDay.NONE);
    }

    /** Work orders opened today now in {@code state} with {@code severity}. */
    public long workOrders(WorkOrderState state, Severity severity) {
        return workOrders.getOrDefault(state, Map.of()).getOrDefault(severity, 0L);
    }

    /** The mean satisfaction score (1-5) of today's answered surveys and follow-ups; NaN with none. */
    public double satisfaction() {
        return surveys == 0 ? Double.NaN : (double) scoreSum / surveys;
    }

    /** Collects the rows of {@link TodayFiguresQuery}'s queries on the reading thread. Not thread-safe. */
    static final class Builder {
        final Map<String, QueueDay> queues = new HashMap<>();
        final Map<WorkOrderState, Map<Severity, Long>> workOrders = new EnumMap<>(WorkOrderState.class);
        final Map<ClockKind, Long> warnings = new EnumMap<>(ClockKind.class);
        final Map<ClockKind, Long> breaches = new EnumMap<>(ClockKind.class);
        final Map<String, Long> steps = new HashMap<>();
        long surveys;
        long scoreSum;

        TodayFigures build(Instant from, Instant to, PeriodFigures service) {
            return new TodayFigures(from, to, queues, workOrders, warnings, breaches, steps, surveys, scoreSum,
                    service);
        }
    }

    /**
     * One queue's day.
     *
     * @param offered                 calls that joined the queue
     * @param answered                of those, the ones a seat answered
     * @param answeredByTier          the answered ones by the answering seat's tier (a seat the database does
     *                                not know counts in {@code answered} only)
     * @param answeredWithinThreshold of the answered, those whose wait was at most the queue's threshold
     * @param abandoned               callers who hung up before a seat answered (outcome ABANDONED)
     * @param answeredWaitMillis      the sum of the answered calls' waits
     * @param talkMillis              the sum of {@code ended_at - answered_at} of the answered calls that ended
     * @param talked                  how many answered calls ended
     */
    public record QueueDay(long offered, long answered, Map<Tier, Long> answeredByTier, long answeredWithinThreshold,
                           long abandoned, long answeredWaitMillis, long talkMillis, long talked) {
        /** A queue without calls. */
        public static final QueueDay NONE = new QueueDay(0, 0, Map.of(), 0, 0, 0, 0, 0);

        public QueueDay {
            answeredByTier = Map.copyOf(answeredByTier);
        }

        /** Answered calls a seat of {@code tier} answered. */
        public long answered(Tier tier) {
            return answeredByTier.getOrDefault(tier, 0L);
        }

        /** Answered within the threshold / answered; 1 when nothing was answered. */
        public double serviceLevel() {
            return answered == 0 ? 1 : (double) answeredWithinThreshold / answered;
        }

        /** Answered within the threshold / (answered + abandoned); 1 when both are 0. */
        public double serviceLevelWithAbandons() {
            long of = answered + abandoned;
            return of == 0 ? 1 : (double) answeredWithinThreshold / of;
        }

        /** The mean wait of the answered calls; zero when none was answered. */
        public Duration averageSpeedOfAnswer() {
            return answered == 0 ? Duration.ZERO : Duration.ofMillis(answeredWaitMillis / answered);
        }

        /** The mean talk time of the answered calls that ended; zero when none did. */
        public Duration averageTalkTime() {
            return talked == 0 ? Duration.ZERO : Duration.ofMillis(talkMillis / talked);
        }
    }
}
