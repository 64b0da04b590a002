package io.hotline.web.wallboard;

import io.hotline.routing.desk.ClockKind;
import io.hotline.routing.seat.SeatState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The floor as the wallboard shows it, at one instant (docs/figures.md, "The wallboard"). Immutable; written as JSON
 * by {@link WallboardJson} only.
 *
 * @param at                 when it was taken
 * @param dayStart           the start of "today" (midnight in the routing file's {@code hours.zone})
 * @param queues             every configured queue, by name
 * @param seats              the seats per tier, by tier
 * @param clocks             open work orders past 75 % of their response or resolution clock, soonest due first,
 *                           at most {@link WallboardAssembly#MAX_CLOCKS}
 * @param clocksMore         how many more clocks are past 75 % than {@code clocks} holds
 * @param dispatches         today's dispatch orders (open, opened today or closed today), by number
 * @param branches           every branch with its position, for the map
 * @param solvedWithoutVisit of the work orders resolved today, those without a dispatch order; {@code null} until
 *                           first read from the records
 */
public record WallboardSnapshot(Instant at, Instant dayStart, List<QueueLine> queues, List<TierSeats> seats,
                                List<Clock> clocks, int clocksMore, List<Dispatch> dispatches,
                                List<Branch> branches, Share solvedWithoutVisit) {

    public WallboardSnapshot {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(dayStart, "dayStart");
        queues = List.copyOf(queues);
        seats = List.copyOf(seats);
        clocks = List.copyOf(clocks);
        dispatches = List.copyOf(dispatches);
        branches = List.copyOf(branches);
    }

    /** Whether {@code other} shows the same floor, whenever it was taken (what decides a push). */
    public boolean sameFloorAs(WallboardSnapshot other) {
        return other != null && dayStart.equals(other.dayStart) && queues.equals(other.queues)
                && seats.equals(other.seats) && clocks.equals(other.clocks) && clocksMore == other.clocksMore
                && dispatches.equals(other.dispatches) && branches.equals(other.branches)
                && Objects.equals(solvedWithoutVisit, other.solvedWithoutVisit);
    }

    /**
     * One queue.
     *
     * @param name               the queue's name
     * @param tier               the tier its first routing step offers to, or {@code null}
     * @param waiting            callers waiting now
     * @param longestWaitSeconds how long the longest-waiting caller has waited, whole seconds
     * @param serviceLevelNow    answered within the threshold / answered since Hotline started (routing's memory;
     *                           1 when nothing was answered)
     * @param thresholdSeconds   the queue's service-level threshold
     * @param today              today's calls from the records, or {@code null} until first read
     */
    public record QueueLine(String name, String tier, int waiting, long longestWaitSeconds, double serviceLevelNow,
                            long thresholdSeconds, Day today) {
        public QueueLine {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A queue's calls today (docs/figures.md: offered, answered, abandoned, service level).
     *
     * @param offered                 calls that joined the queue today
     * @param answered                of those, answered by a seat
     * @param answeredWithinThreshold of those, answered within the queue's threshold
     * @param abandoned               callers who hung up before a seat answered
     */
    public record Day(long offered, long answered, long answeredWithinThreshold, long abandoned) {
        /** Answered within the threshold / answered; 1 when nothing was answered. */
        public double serviceLevel() {
            return answered == 0 ? 1.0 : (double) answeredWithinThreshold / answered;
        }
    }

    /**
     * The seats of one tier.
     *
     * @param tier        the tier's name
     * @param states      seats per state, every state present
     * @param unreachable seats logged in whose phone is unavailable (the PBX's device state)
     */
    public record TierSeats(String tier, Map<SeatState, Integer> states, int unreachable) {
        public TierSeats {
            Objects.requireNonNull(tier, "tier");
            states = Map.copyOf(states);
        }
    }

    /**
     * An SLA clock past 75 %.
     *
     * @param workOrderId the work order
     * @param severity    its severity's name
     * @param tier        the tier that holds it
     * @param owner       the owning seat, or {@code null}
     * @param kind        response or resolution
     * @param dueAt       when it reaches (or reached) 100 %
     * @param breached    whether the desk fired its breach
     */
    public record Clock(long workOrderId, String severity, String tier, String owner, ClockKind kind, Instant dueAt,
                        boolean breached) {
        public Clock {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(dueAt, "dueAt");
        }
    }

    /**
     * A dispatch order of today, without the customer's contact or address (the wall is seen by all).
     *
     * @param workOrderId the work order
     * @param state       the order's state's name
     * @param branch      the branch that holds it, or {@code null} when unplaced
     * @param lat         the site's latitude, or {@code null} when not located
     * @param lon         the site's longitude, or {@code null}
     * @param legs        the branches it was sent to, in order
     * @param deadline    the next deadline it runs against ({@code acknowledge}, {@code assign},
     *                    {@code appointment}), or {@code null}
     * @param deadlineAt  when that deadline falls, or {@code null}
     */
    public record Dispatch(long workOrderId, String state, String branch, Double lat, Double lon, List<Leg> legs,
                           String deadline, Instant deadlineAt) {
        public Dispatch {
            Objects.requireNonNull(state, "state");
            legs = List.copyOf(legs);
        }
    }

    /**
     * One leg of a dispatch order: sent to a branch, acknowledged or expired.
     *
     * @param branch         the branch it went to
     * @param sentAt         when it was sent
     * @param ackDueAt       when its acknowledgement is due
     * @param acknowledgedAt when the branch acknowledged it, or {@code null}
     * @param expiredAt      when it expired unacknowledged, or {@code null}
     */
    public record Leg(String branch, Instant sentAt, Instant ackDueAt, Instant acknowledgedAt, Instant expiredAt) {
    }

    /**
     * A branch on the map.
     *
     * @param code the branch's code
     * @param name its name
     * @param lat  its latitude
     * @param lon  its longitude
     */
    public record Branch(String code, String name, double lat, double lon) {
    }

    /**
     * A share: {@code count} of {@code of}.
     *
     * @param count the numerator
     * @param of    the denominator
     */
    public record Share(long count, long of) {
        /** count / of; 0 when {@code of} is 0. */
        public double ratio() {
            return of == 0 ? 0.0 : (double) count / of;
        }
    }
}
