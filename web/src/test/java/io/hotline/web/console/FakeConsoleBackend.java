package io.hotline.web.console;

import io.hotline.routing.desk.Actor;
import io.hotline.routing.desk.ActorKind;
import io.hotline.routing.field.Branch;
import io.hotline.routing.field.BranchChoice;
import io.hotline.routing.field.DispatchLeg;
import io.hotline.routing.field.DispatchState;
import io.hotline.routing.field.DutyWindow;
import io.hotline.routing.field.Engineer;
import io.hotline.routing.field.FieldDirectory;
import io.hotline.routing.field.FieldEvent;
import io.hotline.routing.field.FieldScore;
import io.hotline.routing.field.FieldStep;
import io.hotline.routing.field.FollowUp;
import io.hotline.routing.field.GeoPoint;
import io.hotline.routing.field.Site;
import io.hotline.routing.field.StoredDispatch;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A console backend over a few dispatch orders of two branches (B01 Pudong, B02 Hangzhou) that the test sets,
 * applying the field leg's events roughly as the desk would (acknowledge, assign, book, follow up, place), refusing
 * what it is told to, and recording every event and call. Shared with the page's test. Thread-safe.
 */
public final class FakeConsoleBackend implements ConsoleBackend {
    /** The branch of the duty manager of the tests. */
    public static final String B01 = "B01";
    /** Another branch. */
    public static final String B02 = "B02";
    /** Waiting for B01's acknowledgement. */
    public static final long SENT = 101;
    /** Acknowledged by B01, no engineer yet. */
    public static final long ACKNOWLEDGED = 102;
    /** Completed at B01, its follow-up due. */
    public static final long COMPLETED = 103;
    /** Waiting for B02's acknowledgement (after B01's leg expired). */
    public static final long OTHER_BRANCH = 201;
    /** No branch could take it. */
    public static final long UNPLACED = 301;

    private static final GeoPoint PUDONG = new GeoPoint(31.2200, 121.5400);
    private static final GeoPoint HANGZHOU = new GeoPoint(30.2700, 120.1500);

    private final InstantSource clock;
    private final Map<Long, StoredDispatch> orders = new ConcurrentHashMap<>();
    /** Every field event offered, in order. */
    public final List<FieldEvent> events = new CopyOnWriteArrayList<>();
    /** Every follow-up call asked, as "id login". */
    public final List<String> calls = new CopyOnWriteArrayList<>();
    /** The refusal of the next actions, when set. */
    public volatile String refusal;
    /** Whether the desk is ready. */
    public volatile boolean ready = true;
    /** How often a branch's orders were read (each {@code GET /api/console} of a branch). */
    public final AtomicInteger branchReads = new AtomicInteger();
    /** Whether every future fails (the desk's inbox full, the database down). */
    public volatile boolean full;

    public FakeConsoleBackend(InstantSource clock) {
        this.clock = clock;
        reset();
    }

    /** The orders of the class comment, their deadlines counted from now. */
    public synchronized void reset() {
        orders.clear();
        events.clear();
        calls.clear();
        refusal = null;
        ready = true;
        full = false;
        branchReads.set(0);
        Instant now = clock.instant();
        List<BranchChoice> ranking = List.of(new BranchChoice(B01, 7.4, 2), new BranchChoice(B02, 165.2, 1));
        put(new StoredDispatch(SENT, site("上海市浦东新区张江路 88 号", 31.2040, 121.5990), "finance", "02161234567",
                DispatchState.SENT, now.minusSeconds(360), ranking, List.of(leg(1, B01, 6.1, now.minusSeconds(360),
                now.plusSeconds(240), null, null)), null, null, null, null, null, null, null, null, null, null, 0, 1));
        put(new StoredDispatch(ACKNOWLEDGED, site("上海市浦东新区世纪大道 100 号", 31.2350, 121.5060), "erp",
                "02168880000", DispatchState.ACKNOWLEDGED, now.minusSeconds(3600), ranking,
                List.of(leg(1, B01, 3.6, now.minusSeconds(3600), now.minusSeconds(3000), now.minusSeconds(3300), null)),
                null, now.plusSeconds(3 * 3600 - 300), null, null, null, null, null, null, null, null, 0, 2));
        put(new StoredDispatch(COMPLETED, site("上海市闵行区莘庄路 5 号", 31.1110, 121.3850), "finance", "02164440000",
                DispatchState.COMPLETED, now.minus(Duration.ofHours(5)), ranking,
                List.of(leg(1, B01, 18.0, now.minusSeconds(5 * 3600), now.minusSeconds(5 * 3600 - 600),
                        now.minusSeconds(5 * 3600 - 120), null)), "E01", null,
                now.minus(Duration.ofHours(4)), now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(2)),
                now.minusSeconds(1500), "replaced the printer's fuser", new FollowUp(now.plusSeconds(300), 0, null,
                null, null, null), null, null, 0, 6));
        put(new StoredDispatch(OTHER_BRANCH, site("杭州市西湖区文三路 9 号", 30.2800, 120.1300), "finance", null,
                DispatchState.SENT, now.minusSeconds(900), ranking, List.of(
                leg(1, B01, 7.0, now.minusSeconds(900), now.minusSeconds(300), null, now.minusSeconds(300)),
                leg(2, B02, 2.2, now.minusSeconds(300), now.plusSeconds(300), null, null)), null, null, null, null,
                null, null, null, null, null, null, 1, 3));
        put(new StoredDispatch(UNPLACED, new Site("某地", null, null), null, null, DispatchState.UNPLACED,
                now.minusSeconds(60), List.of(), List.of(), null, null, null, null, null, null, null, null, null, null,
                0, 1));
    }

    /**
     * A new order waiting for {@code branch}'s acknowledgement, due at {@code ackDueAt} (in the past: late), its
     * site at the given place.
     */
    public static StoredDispatch sent(long id, String branch, double latitude, double longitude, Instant ackDueAt) {
        Instant sentAt = ackDueAt.minusSeconds(600);
        return new StoredDispatch(id, site("现场 " + id, latitude, longitude), null, "021" + id, DispatchState.SENT,
                sentAt, List.of(new BranchChoice(branch, 9.9, 0)), List.of(leg(1, branch, 9.9, sentAt, ackDueAt, null,
                null)), null, null, null, null, null, null, null, null, null, null, 0, 1);
    }

    /** {@code order} after its current leg expired and it went to {@code branch}, to acknowledge by {@code due}. */
    public static StoredDispatch redispatched(StoredDispatch order, String branch, Instant due) {
        Draft draft = new Draft(order);
        DispatchLeg leg = order.currentLeg();
        Instant now = due.minusSeconds(600);
        draft.legs.set(draft.legs.size() - 1, leg(leg.number(), leg.branchCode(), leg.distanceKm(), leg.sentAt(),
                leg.ackDueAt(), null, now));
        draft.legs.add(leg(leg.number() + 1, branch, 150.0, now, due, null, null));
        return draft.build();
    }

    /** Adds or replaces an order, as the desk's published view would. */
    public void put(StoredDispatch dispatch) {
        orders.put(dispatch.workOrderId(), dispatch);
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public FieldDirectory directory() {
        List<DutyWindow> roster = List.of();
        return new FieldDirectory(List.of(
                new Branch(B01, "浦东分公司", PUDONG, ZoneId.of("Asia/Shanghai"), Set.of("east"), Set.of(), "+8613800000001",
                        roster),
                new Branch(B02, "杭州分公司", HANGZHOU, ZoneId.of("Asia/Shanghai"), Set.of("east"), Set.of(),
                        "+8613800000002", roster)),
                List.of(new Engineer("E01", B01, "Zhang Wei", "+8613900000001", true),
                        new Engineer("E02", B01, "Liu Yang", "+8613900000002", true),
                        new Engineer("E03", B01, "Sun Li", "+8613900000003", false),
                        new Engineer("E10", B02, "Hu Jun", "+8613900000010", true)));
    }

    @Override
    public List<StoredDispatch> orders(String branchCode) {
        branchReads.incrementAndGet();
        return orders.values().stream().filter(order -> branchCode.equals(order.branchCode())).toList();
    }

    @Override
    public List<StoredDispatch> openOrders() {
        return orders.values().stream().filter(order -> order.state() != DispatchState.CLOSED
                && order.state() != DispatchState.CANCELLED).toList();
    }

    @Override
    public Optional<StoredDispatch> order(long workOrderId) {
        return Optional.ofNullable(orders.get(workOrderId));
    }

    @Override
    public CompletableFuture<List<FieldStep>> trail(long workOrderId) {
        if (full) {
            return CompletableFuture.failedFuture(new RejectedExecutionException("database down"));
        }
        StoredDispatch order = orders.get(workOrderId);
        return CompletableFuture.supplyAsync(() -> List.of(
                new FieldStep(workOrderId, 1, order.openedAt(), new Actor(ActorKind.DESK, "desk"), "SENT",
                        "B01 浦东分公司, 6.1 km"),
                new FieldStep(workOrderId, 2, order.openedAt().plusSeconds(60), new Actor(ActorKind.DUTY_MANAGER,
                        "chen.jie"), "ACKNOWLEDGED", null)));
    }

    @Override
    public CompletableFuture<List<SmsView>> sms(long workOrderId) {
        if (full) {
            return CompletableFuture.failedFuture(new RejectedExecutionException("database down"));
        }
        StoredDispatch order = orders.get(workOrderId);
        return CompletableFuture.supplyAsync(() -> List.of(
                new SmsView("OUT", "+8613800000001", "Hotline: dispatch " + workOrderId + " <b>urgent</b>", "SENT",
                        order.openedAt(), null),
                new SmsView("IN", "+8613900000001", "ARRIVE " + workOrderId, "ACCEPTED",
                        order.openedAt().plusSeconds(120), null)));
    }

    @Override
    public CompletableFuture<Outcome> act(FieldEvent event) {
        events.add(event);
        if (full) {
            return CompletableFuture.failedFuture(new RejectedExecutionException("inbox full"));
        }
        if (refusal != null) {
            return CompletableFuture.completedFuture(Outcome.refused(refusal));
        }
        synchronized (this) {
            StoredDispatch before = orders.get(event.workOrderId());
            Outcome outcome = apply(before, event, clock.instant());
            if (!outcome.isRefused()) {
                put(outcome.dispatch());
            }
            return CompletableFuture.completedFuture(outcome);
        }
    }

    @Override
    public CompletableFuture<Outcome> callFollowUp(long workOrderId, String login) {
        calls.add(workOrderId + " " + login);
        if (refusal != null) {
            return CompletableFuture.completedFuture(Outcome.refused(refusal));
        }
        return CompletableFuture.completedFuture(Outcome.changed(orders.get(workOrderId)));
    }

    private Outcome apply(StoredDispatch order, FieldEvent event, Instant now) {
        Draft draft = new Draft(order);
        if (event instanceof FieldEvent.Acknowledged) {
            if (order.state() != DispatchState.SENT) {
                return Outcome.refused("dispatch " + order.workOrderId() + " is not waiting for an acknowledgement");
            }
            DispatchLeg leg = order.currentLeg();
            draft.legs.set(draft.legs.size() - 1, leg(leg.number(), leg.branchCode(), leg.distanceKm(), leg.sentAt(),
                    leg.ackDueAt(), now, null));
            draft.state = DispatchState.ACKNOWLEDGED;
            draft.assignDueAt = now.plus(Duration.ofHours(4));
        } else if (event instanceof FieldEvent.EngineerAssigned assigned) {
            Optional<Engineer> engineer = directory().engineers().stream()
                    .filter(e -> e.code().equals(assigned.engineerCode())).findFirst();
            if (engineer.isEmpty() || !engineer.get().active()
                    || !engineer.get().branchCode().equals(order.branchCode())) {
                return Outcome.refused("engineer " + assigned.engineerCode() + " is not an active engineer of "
                        + order.branchCode());
            }
            if (order.engineerCode() != null && assigned.reason() == null) {
                return Outcome.refused("reassigning dispatch " + order.workOrderId() + " needs a reason");
            }
            draft.engineerCode = assigned.engineerCode();
            draft.assignedAt = now;
            draft.state = order.appointmentAt() == null ? DispatchState.ASSIGNED : DispatchState.SCHEDULED;
        } else if (event instanceof FieldEvent.AppointmentBooked booked) {
            if (order.engineerCode() == null) {
                return Outcome.refused("dispatch " + order.workOrderId() + " has no engineer yet");
            }
            draft.appointmentAt = booked.appointmentAt();
            draft.state = DispatchState.SCHEDULED;
        } else if (event instanceof FieldEvent.FollowUpRecorded recorded) {
            FollowUp due = order.followUp();
            if (recorded.unreachable()) {
                draft.followUp = new FollowUp(now.plus(Duration.ofHours(1)), due.attempts() + 1, null, null, null,
                        null);
            } else {
                draft.followUp = new FollowUp(due.dueAt(), due.attempts(), recorded.satisfaction(), recorded.comment(),
                        now, recorded.actor().id());
                draft.score = new FieldScore(recorded.satisfaction() * 10 + 40, recorded.satisfaction() * 10, 20, 20);
                draft.state = DispatchState.CLOSED;
                draft.closedAt = now;
            }
        } else if (event instanceof FieldEvent.PlacedByHand placed) {
            draft.legs.add(leg(draft.legs.size() + 1, placed.branchCode(), 0, now, now.plusSeconds(600), null, null));
            draft.state = DispatchState.SENT;
        }
        return Outcome.changed(draft.build());
    }

    private static Site site(String address, double latitude, double longitude) {
        return new Site(address, new GeoPoint(latitude, longitude), "east");
    }

    private static DispatchLeg leg(int number, String branch, double km, Instant sent, Instant due, Instant acked,
                                   Instant expired) {
        return new DispatchLeg(number, branch, km, sent, due, acked, expired);
    }

    /** A changeable copy of an order. */
    private static final class Draft {
        private final StoredDispatch from;
        private final List<DispatchLeg> legs;
        private DispatchState state;
        private String engineerCode;
        private Instant assignDueAt;
        private Instant assignedAt;
        private Instant appointmentAt;
        private FollowUp followUp;
        private FieldScore score;
        private Instant closedAt;

        Draft(StoredDispatch from) {
            this.from = from;
            legs = new ArrayList<>(from.legs());
            state = from.state();
            engineerCode = from.engineerCode();
            assignDueAt = from.assignDueAt();
            assignedAt = from.assignedAt();
            appointmentAt = from.appointmentAt();
            followUp = from.followUp();
            score = from.score();
            closedAt = from.closedAt();
        }

        StoredDispatch build() {
            return new StoredDispatch(from.workOrderId(), from.site(), from.productLine(), from.contactNumber(), state,
                    from.openedAt(), from.ranking(), legs, engineerCode, assignDueAt, assignedAt, appointmentAt,
                    from.arrivedAt(), from.completedAt(), from.completionNote(), followUp, score, closedAt,
                    from.fired(), from.steps() + 1);
        }
    }
}
