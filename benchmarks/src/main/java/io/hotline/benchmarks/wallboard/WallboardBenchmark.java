package io.hotline.benchmarks.wallboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.routing.desk.CallKey;
import io.hotline.routing.desk.ClockKind;
import io.hotline.routing.desk.CustomerProblem;
import io.hotline.routing.desk.Origin;
import io.hotline.routing.desk.SlaClockState;
import io.hotline.routing.desk.StoredWorkOrder;
import io.hotline.routing.desk.WarningLevel;
import io.hotline.routing.desk.WorkOrderTimes;
import io.hotline.routing.engine.QueueSnapshot;
import io.hotline.routing.engine.RoutingSnapshot;
import io.hotline.routing.field.Branch;
import io.hotline.routing.field.DispatchState;
import io.hotline.routing.field.FieldDirectory;
import io.hotline.routing.field.GeoPoint;
import io.hotline.routing.field.StoredDispatch;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.queue.QueueConfig;
import io.hotline.routing.queue.RoutingStep;
import io.hotline.routing.seat.DeviceState;
import io.hotline.routing.seat.SeatState;
import io.hotline.routing.workorder.Severity;
import io.hotline.routing.workorder.WorkOrderState;
import io.hotline.web.console.FakeConsoleBackend;
import io.hotline.web.desktop.SeatCard;
import io.hotline.web.desktop.WorkOrderView;
import io.hotline.web.wallboard.WallboardAssembly;
import io.hotline.web.wallboard.WallboardJson;
import io.hotline.web.wallboard.WallboardSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One wallboard update (docs/figures.md, "The wallboard"): building the snapshot from the read models and writing
 * its JSON, as the push tick does once a second. {@code hotline} is {@link WallboardAssembly} + {@link WallboardJson}
 * (one pass over the seats for the phones, the seat counts from routing's snapshot, the 12 soonest clocks in a
 * bounded heap, the JSON streamed); {@code baseline} is the naive rebuild: every tier × state counted by rescanning
 * the 1,000 seat cards with a stream, every clock past 75 % collected and sorted, every value put in maps and written
 * by the generic {@link ObjectMapper}. The trial's set-up fails unless both write the same JSON (as trees).
 * <p>
 * The floor (fixed seed): 1,000 seats (600 tier 1, 300 tier 2, 100 expert) in random states, 3 % of the logged-in
 * phones unavailable; 5 queues; 200 open work orders, a third of their clocks past 75 % and a tenth breached; 50
 * dispatch orders of today over 42 branches.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class WallboardBenchmark {
    static final int SEATS = 1_000;
    static final int WORK_ORDERS = 200;
    static final int DISPATCHES = 50;
    static final int BRANCHES = 42;
    private static final Instant NOW = Instant.parse("2026-12-07T06:00:00Z");
    private static final Instant DAY_START = Instant.parse("2026-12-06T16:00:00Z");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The generated floor. */
    @State(Scope.Benchmark)
    public static class Floor {
        WallboardAssembly.Floor floor;
        WallboardAssembly.Today today;
        FieldDirectory directory;

        @Setup(Level.Trial)
        public void build() throws IOException {
            Random random = new Random(17);
            List<SeatCard> seats = seats(random);
            Map<String, QueueConfig> queues = new TreeMap<>();
            Map<String, QueueSnapshot> live = new LinkedHashMap<>();
            Map<String, WallboardSnapshot.Day> days = new LinkedHashMap<>();
            String[] names = {"expert", "sales", "support", "support-en", "tier2"};
            Tier[] tiers = {Tier.EXPERT, Tier.TIER1, Tier.TIER1, Tier.TIER1, Tier.TIER2};
            for (int i = 0; i < names.length; i++) {
                queues.put(names[i], new QueueConfig(names[i], List.of(new RoutingStep("first",
                        List.of(tiers[i]), 1, null)), Duration.ofSeconds(20)));
                live.put(names[i], new QueueSnapshot(random.nextInt(30), Duration.ofSeconds(random.nextInt(300)),
                        1000 + i, 800 + i, 50 + i, 0.8, 0.76, Duration.ofSeconds(12)));
                days.put(names[i], new WallboardSnapshot.Day(2000 + i, 1800 + i, 1500 + i, 150 + i));
            }
            floor = new WallboardAssembly.Floor(routing(seats, live), queues, seats, workOrders(random),
                    dispatches(random));
            today = new WallboardAssembly.Today(DAY_START, days, new WallboardSnapshot.Share(850, 1000));
            directory = new FieldDirectory(branches(random), List.of());
            if (!MAPPER.readTree(update(this)).equals(MAPPER.readTree(naiveUpdate(this)))) {
                throw new IllegalStateException("the naive rebuild writes another wallboard than Hotline's");
            }
        }
    }

    @Benchmark
    public byte[] hotline(Floor floor) {
        return update(floor);
    }

    @Benchmark
    public byte[] baseline(Floor floor) {
        return naiveUpdate(floor);
    }

    private static byte[] update(Floor floor) {
        return WallboardJson.write(WallboardAssembly.build(NOW, floor.floor, floor.today, floor.directory));
    }

    /** The naive rebuild: streams over everything, maps, the generic mapper. */
    private static byte[] naiveUpdate(Floor floor) {
        WallboardAssembly.Floor in = floor.floor;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", NOW.toString());
        json.put("dayStart", floor.today.dayStart().toString());
        json.put("queues", in.queues().keySet().stream().sorted().map(name -> {
            QueueSnapshot live = in.routing().queues().get(name);
            WallboardSnapshot.Day day = floor.today.queues().get(name);
            Map<String, Object> queue = new LinkedHashMap<>();
            queue.put("name", name);
            queue.put("tier", in.queues().get(name).steps().get(0).tiers().get(0).name());
            queue.put("waiting", live.waiting());
            queue.put("longestWaitSeconds", live.longestWait().toSeconds());
            queue.put("serviceLevelNow", live.serviceLevel());
            queue.put("thresholdSeconds", in.queues().get(name).serviceLevelThreshold().toSeconds());
            Map<String, Object> today = new LinkedHashMap<>();
            today.put("offered", day.offered());
            today.put("answered", day.answered());
            today.put("answeredWithinThreshold", day.answeredWithinThreshold());
            today.put("abandoned", day.abandoned());
            today.put("serviceLevel", day.serviceLevel());
            queue.put("today", today);
            return queue;
        }).collect(Collectors.toList()));
        List<Map<String, Object>> seats = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            Map<String, Object> states = new LinkedHashMap<>();
            int total = 0;
            for (SeatState seatState : SeatState.values()) {
                long count = in.seats().stream().filter(card -> card.tier() == tier && card.state() == seatState)
                        .count();
                states.put(seatState.name(), count);
                total += (int) count;
            }
            long unreachable = in.seats().stream().filter(card -> card.tier() == tier
                    && card.state() != SeatState.LOGGED_OUT && card.deviceState() == DeviceState.UNAVAILABLE).count();
            if (total > 0 || unreachable > 0) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("tier", tier.name());
                line.put("states", states);
                line.put("unreachable", unreachable);
                seats.add(line);
            }
        }
        json.put("seats", seats);
        List<Map<String, Object>> clocks = in.workOrders().stream().flatMap(view -> Arrays.asList(
                        clock(view.workOrder(), ClockKind.RESPONSE, view.workOrder().response()),
                        clock(view.workOrder(), ClockKind.RESOLUTION, view.workOrder().resolution())).stream())
                .filter(clock -> clock != null)
                .sorted(Comparator.comparing((Map<String, Object> clock) -> (String) clock.get("dueAt"))
                        .thenComparing(clock -> (Long) clock.get("workOrderId"))
                        .thenComparing(clock -> (String) clock.get("kind")))
                .collect(Collectors.toList());
        json.put("clocks", clocks.subList(0, Math.min(WallboardAssembly.MAX_CLOCKS, clocks.size())));
        json.put("clocksMore", Math.max(0, clocks.size() - WallboardAssembly.MAX_CLOCKS));
        json.put("dispatches", in.dispatches().stream().sorted(Comparator.comparingLong(
                StoredDispatch::workOrderId)).map(WallboardBenchmark::dispatch).collect(Collectors.toList()));
        json.put("branches", floor.directory.branches().stream().sorted(Comparator.comparing(Branch::code))
                .map(branch -> {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("code", branch.code());
                    line.put("name", branch.name());
                    line.put("lat", branch.location().latitude());
                    line.put("lon", branch.location().longitude());
                    return line;
                }).collect(Collectors.toList()));
        Map<String, Object> share = new LinkedHashMap<>();
        share.put("count", floor.today.solvedWithoutVisit().count());
        share.put("of", floor.today.solvedWithoutVisit().of());
        share.put("ratio", floor.today.solvedWithoutVisit().ratio());
        json.put("solvedWithoutVisit", share);
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> clock(StoredWorkOrder order, ClockKind kind, SlaClockState clock) {
        if (clock.stopped() || clock.dueAt() == null || !clock.fired().contains(WarningLevel.THREE_QUARTERS)
                && !clock.fired().contains(WarningLevel.BREACH)) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("workOrderId", order.id());
        json.put("severity", order.severity().name());
        json.put("tier", order.tier().name());
        json.put("owner", order.ownerSeatId());
        json.put("kind", kind.name());
        json.put("dueAt", clock.dueAt().toString());
        json.put("breached", clock.fired().contains(WarningLevel.BREACH));
        return json;
    }

    private static Map<String, Object> dispatch(StoredDispatch dispatch) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("workOrderId", dispatch.workOrderId());
        json.put("state", dispatch.state().name());
        json.put("branch", dispatch.branchCode());
        json.put("site", Map.of("lat", dispatch.site().location().latitude(), "lon",
                dispatch.site().location().longitude()));
        json.put("legs", dispatch.legs().stream().map(leg -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("branch", leg.branchCode());
            line.put("sentAt", leg.sentAt().toString());
            line.put("ackDueAt", leg.ackDueAt().toString());
            line.put("acknowledgedAt", leg.acknowledgedAt() == null ? null : leg.acknowledgedAt().toString());
            line.put("expiredAt", leg.expiredAt() == null ? null : leg.expiredAt().toString());
            return line;
        }).collect(Collectors.toList()));
        boolean waiting = dispatch.state() == DispatchState.SENT;
        json.put("deadline", waiting ? "acknowledge" : null);
        json.put("deadlineAt", waiting ? dispatch.currentLeg().ackDueAt().toString() : null);
        return json;
    }

    private static List<SeatCard> seats(Random random) {
        List<SeatCard> seats = new ArrayList<>(SEATS);
        SeatState[] states = SeatState.values();
        for (int i = 0; i < SEATS; i++) {
            Tier tier = i < 600 ? Tier.TIER1 : i < 900 ? Tier.TIER2 : Tier.EXPERT;
            SeatState state = states[random.nextInt(states.length)];
            DeviceState device = state == SeatState.LOGGED_OUT ? DeviceState.UNKNOWN
                    : random.nextInt(100) < 3 ? DeviceState.UNAVAILABLE : DeviceState.NOT_IN_USE;
            seats.add(new SeatCard(String.format("S%04d", i), "Agent " + i, tier, state, null,
                    NOW.minusSeconds(random.nextInt(3600)), device, null));
        }
        return seats;
    }

    private static RoutingSnapshot routing(List<SeatCard> seats, Map<String, QueueSnapshot> queues) {
        Map<Tier, Map<SeatState, Integer>> counts = new EnumMap<>(Tier.class);
        for (SeatCard card : seats) {
            counts.computeIfAbsent(card.tier(), tier -> new EnumMap<>(SeatState.class)).merge(card.state(), 1,
                    Integer::sum);
        }
        return new RoutingSnapshot(NOW, 1, queues, counts);
    }

    private static List<WorkOrderView> workOrders(Random random) {
        List<WorkOrderView> views = new ArrayList<>(WORK_ORDERS);
        for (int i = 0; i < WORK_ORDERS; i++) {
            long id = 50_000 + i;
            SlaClockState response = clock(random);
            SlaClockState resolution = clock(random);
            StoredWorkOrder order = new StoredWorkOrder(id, Origin.CALL, new CallKey("pbx1", "1733562902." + i),
                    new CustomerProblem("0216123" + i, (long) i, "PREMIUM", "finance"), null,
                    Severity.values()[random.nextInt(Severity.values().length)], WorkOrderState.IN_PROGRESS,
                    Tier.TIER1, String.format("S%04d", random.nextInt(600)), new WorkOrderTimes(
                    NOW.minusSeconds(7200), null, null, null, null), response, resolution, 1, 0, 1);
            views.add(new WorkOrderView(order, List.of(), null));
        }
        return views;
    }

    private static SlaClockState clock(Random random) {
        int dice = random.nextInt(30);
        Set<WarningLevel> fired = dice < 3 ? Set.of(WarningLevel.HALF, WarningLevel.THREE_QUARTERS,
                WarningLevel.BREACH) : dice < 10 ? Set.of(WarningLevel.HALF, WarningLevel.THREE_QUARTERS)
                : dice < 20 ? Set.of(WarningLevel.HALF) : Set.of();
        Instant due = NOW.plusSeconds(dice < 3 ? -random.nextInt(3600) : random.nextInt(14_400));
        return new SlaClockState(Duration.ofMinutes(30), NOW.minusSeconds(600), false, fired, due);
    }

    private static List<StoredDispatch> dispatches(Random random) {
        List<StoredDispatch> dispatches = new ArrayList<>(DISPATCHES);
        for (int i = 0; i < DISPATCHES; i++) {
            dispatches.add(FakeConsoleBackend.sent(90_000 + i, "B" + (10 + random.nextInt(BRANCHES)),
                    30 + random.nextDouble() * 2, 120 + random.nextDouble() * 2,
                    NOW.plusSeconds(random.nextInt(600))));
        }
        return dispatches;
    }

    private static List<Branch> branches(Random random) {
        List<Branch> branches = new ArrayList<>(BRANCHES);
        for (int i = 0; i < BRANCHES; i++) {
            branches.add(new Branch("B" + (10 + i), "分公司 " + i, new GeoPoint(30 + random.nextDouble() * 2,
                    120 + random.nextDouble() * 2), ZoneId.of("Asia/Shanghai"), Set.of("east"), Set.of(), "021000",
                    List.of()));
        }
        return branches;
    }
}
