package io.hotline.web.wallboard;

import io.hotline.routing.desk.ClockKind;
import io.hotline.routing.desk.SlaClockState;
import io.hotline.routing.desk.StoredWorkOrder;
import io.hotline.routing.desk.WarningLevel;
import io.hotline.routing.engine.QueueSnapshot;
import io.hotline.routing.engine.RoutingSnapshot;
import io.hotline.routing.field.Branch;
import io.hotline.routing.field.DispatchLeg;
import io.hotline.routing.field.DispatchState;
import io.hotline.routing.field.FieldDirectory;
import io.hotline.routing.field.GeoPoint;
import io.hotline.routing.field.StoredDispatch;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.queue.QueueConfig;
import io.hotline.routing.queue.RoutingStep;
import io.hotline.routing.seat.DeviceState;
import io.hotline.routing.seat.SeatState;
import io.hotline.web.desktop.SeatCard;
import io.hotline.web.desktop.WorkOrderView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Builds one {@link WallboardSnapshot} from the read models: one pass over the seats (1,000 in the benchmark),
 * one over the open work orders keeping only the {@link #MAX_CLOCKS} soonest clocks past 75 % in a bounded heap,
 * one over the dispatch orders. Nothing is sorted but what is shown. Stateless, thread-safe; the inputs are
 * immutable values read from any thread.
 */
public final class WallboardAssembly {

    /** The most SLA clocks the wall shows; the rest are counted. */
    public static final int MAX_CLOCKS = 12;
    /** The most dispatch orders the wall shows (by number; a day's are far fewer). */
    public static final int MAX_DISPATCHES = 200;

    private static final Comparator<WallboardSnapshot.Clock> SOONEST = Comparator
            .comparing(WallboardSnapshot.Clock::dueAt).thenComparingLong(WallboardSnapshot.Clock::workOrderId)
            .thenComparing(WallboardSnapshot.Clock::kind);

    private WallboardAssembly() {
    }

    /**
     * What the floor is made of now, as the read models hold it. Immutable.
     *
     * @param routing    the routing engine's last published snapshot
     * @param queues     the configured queues, by name
     * @param seats      every seat's card (for the phones' device states)
     * @param workOrders the open work orders
     * @param dispatches the dispatch orders held (open, and closed in the last day)
     */
    public record Floor(RoutingSnapshot routing, Map<String, QueueConfig> queues, Collection<SeatCard> seats,
                        Collection<WorkOrderView> workOrders, Collection<StoredDispatch> dispatches) {
        public Floor {
            Objects.requireNonNull(routing, "routing");
            Objects.requireNonNull(queues, "queues");
            Objects.requireNonNull(seats, "seats");
            Objects.requireNonNull(workOrders, "workOrders");
            Objects.requireNonNull(dispatches, "dispatches");
        }
    }

    /**
     * Today's figures from the records, as last read. Immutable.
     *
     * @param dayStart           the start of today
     * @param queues             each queue's calls today, by name (a queue without calls may be absent)
     * @param solvedWithoutVisit today's share solved without a visit, or {@code null} until first read
     */
    public record Today(Instant dayStart, Map<String, WallboardSnapshot.Day> queues,
                        WallboardSnapshot.Share solvedWithoutVisit) {
        public Today {
            Objects.requireNonNull(dayStart, "dayStart");
            queues = Collections.unmodifiableMap(new LinkedHashMap<>(queues)); // in the caller's order
        }
    }

    /** The wallboard at {@code now}. */
    public static WallboardSnapshot build(Instant now, Floor floor, Today today, FieldDirectory directory) {
        List<WallboardSnapshot.Clock> clocks = new ArrayList<>(MAX_CLOCKS);
        int more = clocks(floor.workOrders(), clocks);
        return new WallboardSnapshot(now, today.dayStart(), queues(floor, today), seats(floor), clocks, more,
                dispatches(floor.dispatches(), today.dayStart()), branches(directory), today.solvedWithoutVisit());
    }

    private static List<WallboardSnapshot.QueueLine> queues(Floor floor, Today today) {
        List<WallboardSnapshot.QueueLine> lines = new ArrayList<>(floor.queues().size());
        floor.queues().keySet().stream().sorted().forEach(name -> {
            QueueConfig config = floor.queues().get(name);
            QueueSnapshot live = floor.routing().queues().get(name);
            List<RoutingStep> steps = config.steps();
            String tier = steps.get(0).tiers().isEmpty() ? null : steps.get(0).tiers().get(0).name();
            lines.add(new WallboardSnapshot.QueueLine(name, tier, live == null ? 0 : live.waiting(),
                    live == null ? 0 : live.longestWait().toSeconds(), live == null ? 1.0 : live.serviceLevel(),
                    config.serviceLevelThreshold().toSeconds(), today.queues().get(name)));
        });
        return lines;
    }

    private static List<WallboardSnapshot.TierSeats> seats(Floor floor) {
        int[] unreachable = new int[Tier.values().length];
        for (SeatCard card : floor.seats()) {
            if (card.tier() != null && card.state() != SeatState.LOGGED_OUT
                    && card.deviceState() == DeviceState.UNAVAILABLE) {
                unreachable[card.tier().ordinal()]++;
            }
        }
        List<WallboardSnapshot.TierSeats> tiers = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            Map<SeatState, Integer> states = new EnumMap<>(SeatState.class);
            int total = 0;
            for (SeatState state : SeatState.values()) {
                int count = floor.routing().seats(tier, state);
                states.put(state, count);
                total += count;
            }
            if (total > 0 || unreachable[tier.ordinal()] > 0) {
                tiers.add(new WallboardSnapshot.TierSeats(tier.name(), states, unreachable[tier.ordinal()]));
            }
        }
        return tiers;
    }

    /** Fills {@code into} with the soonest clocks past 75 %, soonest first; answers how many more there are. */
    private static int clocks(Collection<WorkOrderView> workOrders, List<WallboardSnapshot.Clock> into) {
        // A max-heap of the MAX_CLOCKS soonest: the latest is dropped first.
        PriorityQueue<WallboardSnapshot.Clock> soonest = new PriorityQueue<>(MAX_CLOCKS + 1, SOONEST.reversed());
        int past = 0;
        for (WorkOrderView view : workOrders) {
            StoredWorkOrder order = view.workOrder();
            past += offer(soonest, order, ClockKind.RESPONSE, order.response());
            past += offer(soonest, order, ClockKind.RESOLUTION, order.resolution());
        }
        into.addAll(soonest);
        into.sort(SOONEST);
        return past - into.size();
    }

    private static int offer(PriorityQueue<WallboardSnapshot.Clock> soonest, StoredWorkOrder order, ClockKind kind,
                             SlaClockState clock) {
        if (clock == null || clock.stopped() || clock.dueAt() == null
                || !clock.fired().contains(WarningLevel.THREE_QUARTERS)
                && !clock.fired().contains(WarningLevel.BREACH)) {
            return 0;
        }
        WallboardSnapshot.Clock line = new WallboardSnapshot.Clock(order.id(), order.severity().name(),
                order.tier() == null ? null : order.tier().name(), order.ownerSeatId(), kind, clock.dueAt(),
                clock.fired().contains(WarningLevel.BREACH));
        if (soonest.size() < MAX_CLOCKS) {
            soonest.add(line);
        } else if (SOONEST.compare(line, soonest.peek()) < 0) {
            soonest.poll();
            soonest.add(line);
        }
        return 1;
    }

    private static List<WallboardSnapshot.Dispatch> dispatches(Collection<StoredDispatch> held, Instant dayStart) {
        List<StoredDispatch> today = new ArrayList<>();
        for (StoredDispatch dispatch : held) {
            if (open(dispatch) || !dispatch.openedAt().isBefore(dayStart)
                    || dispatch.closedAt() != null && !dispatch.closedAt().isBefore(dayStart)) {
                today.add(dispatch);
            }
        }
        today.sort(Comparator.comparingLong(StoredDispatch::workOrderId));
        List<WallboardSnapshot.Dispatch> lines = new ArrayList<>(Math.min(today.size(), MAX_DISPATCHES));
        for (StoredDispatch dispatch : today.subList(0, Math.min(today.size(), MAX_DISPATCHES))) {
            lines.add(dispatch(dispatch));
        }
        return lines;
    }

    private static WallboardSnapshot.Dispatch dispatch(StoredDispatch dispatch) {
        List<WallboardSnapshot.Leg> legs = new ArrayList<>(dispatch.legs().size());
        for (DispatchLeg leg : dispatch.legs()) {
            legs.add(new WallboardSnapshot.Leg(leg.branchCode(), leg.sentAt(), leg.ackDueAt(), leg.acknowledgedAt(),
                    leg.expiredAt()));
        }
        GeoPoint site = dispatch.site().location();
        String deadline = null;
        Instant deadlineAt = null;
        DispatchLeg current = dispatch.currentLeg();
        if (dispatch.state() == DispatchState.SENT && current != null && current.acknowledgedAt() == null) {
            deadline = "acknowledge";
            deadlineAt = current.ackDueAt();
        } else if (dispatch.state() == DispatchState.ACKNOWLEDGED && dispatch.assignDueAt() != null) {
            deadline = "assign";
            deadlineAt = dispatch.assignDueAt();
        } else if (dispatch.state() == DispatchState.SCHEDULED && dispatch.appointmentAt() != null) {
            deadline = "appointment";
            deadlineAt = dispatch.appointmentAt();
        }
        return new WallboardSnapshot.Dispatch(dispatch.workOrderId(), dispatch.state().name(), dispatch.branchCode(),
                site == null ? null : site.latitude(), site == null ? null : site.longitude(), legs, deadline,
                deadlineAt);
    }

    private static List<WallboardSnapshot.Branch> branches(FieldDirectory directory) {
        List<WallboardSnapshot.Branch> branches = new ArrayList<>(directory.branches().size());
        for (Branch branch : directory.branches()) {
            if (branch.location() != null) {
                branches.add(new WallboardSnapshot.Branch(branch.code(), branch.name(), branch.location().latitude(),
                        branch.location().longitude()));
            }
        }
        branches.sort(Comparator.comparing(WallboardSnapshot.Branch::code));
        return branches;
    }

    private static boolean open(StoredDispatch dispatch) {
        return dispatch.state() != DispatchState.CLOSED && dispatch.state() != DispatchState.CANCELLED;
    }
}
