package io.hotline.web.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.hotline.routing.field.DispatchState;
import io.hotline.routing.field.FieldDirectory;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link WallboardAssembly} builds the snapshot as docs/figures.md defines it: only running clocks past 75 %, the 12
 * soonest first and the rest counted; today's dispatches only; seats from routing's counts with the unreachable
 * phones of logged-in seats; every configured queue, with its live figures and today's.
 */
class WallboardAssemblyTest {
    private static final Instant NOW = Instant.parse("2026-12-07T06:00:00Z");
    private static final Instant DAY = Instant.parse("2026-12-06T16:00:00Z");

    @Test
    void shouldKeepTheTwelveSoonestRunningClocksPastThreeQuartersAndCountTheRest() {
        // given 30 work orders: 20 with a resolution clock past 75 % (due 20 min down to 1 min), 5 at half, 5 stopped
        List<WorkOrderView> orders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Instant due = NOW.plusSeconds(60L * (20 - i));
            orders.add(order(100 + i, clock(Set.of(WarningLevel.THREE_QUARTERS), false, due)));
        }
        for (int i = 0; i < 5; i++) {
            orders.add(order(200 + i, clock(Set.of(WarningLevel.HALF), false, NOW.plusSeconds(10))));
            orders.add(order(300 + i, clock(Set.of(WarningLevel.BREACH), true, null)));
        }
        orders.add(order(400, clock(Set.of(WarningLevel.THREE_QUARTERS, WarningLevel.BREACH), false,
                NOW.minusSeconds(30))));

        // when the wall is built
        WallboardSnapshot snapshot = WallboardAssembly.build(NOW, floor(List.of(), orders, List.of()), today(),
                FieldDirectory.EMPTY);

        // then the breached one comes first, then the soonest 11 of the 20, and 9 more are counted
        assertThat(snapshot.clocks()).extracting(WallboardSnapshot.Clock::workOrderId)
                .containsExactly(400L, 119L, 118L, 117L, 116L, 115L, 114L, 113L, 112L, 111L, 110L, 109L);
        assertThat(snapshot.clocks().get(0).breached()).isTrue();
        assertThat(snapshot.clocks().get(1).kind()).isEqualTo(ClockKind.RESOLUTION);
        assertThat(snapshot.clocksMore()).isEqualTo(9);
    }

    @Test
    void shouldShowTodaysDispatchesSeatsAndQueues() {
        // given an open order, one closed today and one closed yesterday
        StoredDispatch open = FakeConsoleBackend.sent(1, "B01", 31.2, 121.5, NOW.plusSeconds(300));
        StoredDispatch closedToday = closed(FakeConsoleBackend.sent(2, "B01", 31.2, 121.5, NOW.minusSeconds(7200)),
                NOW.minusSeconds(3600));
        StoredDispatch closedYesterday = closed(FakeConsoleBackend.sent(3, "B01", 31.2, 121.5,
                DAY.minusSeconds(7200)), DAY.minusSeconds(60));
        // and two logged-in tier-1 seats, one of whose phones is unavailable, and a logged-out one whose phone is
        List<SeatCard> seats = List.of(seat("S1", SeatState.READY, DeviceState.UNAVAILABLE),
                seat("S2", SeatState.ON_CALL, DeviceState.IN_USE),
                seat("S3", SeatState.LOGGED_OUT, DeviceState.UNAVAILABLE));

        // when the wall is built
        WallboardSnapshot snapshot = WallboardAssembly.build(NOW, floor(seats, List.of(),
                List.of(closedYesterday, closedToday, open)), today(), FieldDirectory.EMPTY);

        // then today's two orders, by number, the open one against its acknowledgement
        assertThat(snapshot.dispatches()).extracting(WallboardSnapshot.Dispatch::workOrderId).containsExactly(1L, 2L);
        assertThat(snapshot.dispatches().get(0).deadline()).isEqualTo("acknowledge");
        assertThat(snapshot.dispatches().get(0).deadlineAt()).isEqualTo(NOW.plusSeconds(300));
        assertThat(snapshot.dispatches().get(1).deadline()).isNull();
        // and tier 1's seats from routing's counts, one phone unreachable
        assertThat(snapshot.seats()).hasSize(1);
        assertThat(snapshot.seats().get(0).states()).containsEntry(SeatState.READY, 1)
                .containsEntry(SeatState.ON_CALL, 1).containsEntry(SeatState.LOGGED_OUT, 1);
        assertThat(snapshot.seats().get(0).unreachable()).isEqualTo(1);
        // and both queues, with the live figures and today's where read
        assertThat(snapshot.queues()).extracting(WallboardSnapshot.QueueLine::name).containsExactly("sales", "support");
        assertThat(snapshot.queues().get(1).waiting()).isEqualTo(4);
        assertThat(snapshot.queues().get(1).longestWaitSeconds()).isEqualTo(75);
        assertThat(snapshot.queues().get(1).tier()).isEqualTo("TIER1");
        assertThat(snapshot.queues().get(1).today().serviceLevel()).isEqualTo(0.8);
        assertThat(snapshot.queues().get(0).today()).isNull();
        assertThat(snapshot.queues().get(0).serviceLevelNow()).isEqualTo(1.0);
        // and a floor built again a second later is the same floor
        WallboardSnapshot later = WallboardAssembly.build(NOW.plusSeconds(1), floor(seats, List.of(),
                List.of(closedYesterday, closedToday, open)), today(), FieldDirectory.EMPTY);
        assertThat(later.sameFloorAs(snapshot)).isTrue();
    }

    private static WallboardAssembly.Floor floor(List<SeatCard> seats, List<WorkOrderView> orders,
                                                 List<StoredDispatch> dispatches) {
        Map<Tier, Map<SeatState, Integer>> counts = Map.of(Tier.TIER1, Map.of(SeatState.READY, 1, SeatState.ON_CALL, 1,
                SeatState.LOGGED_OUT, 1));
        RoutingSnapshot routing = new RoutingSnapshot(NOW, 7, Map.of("support", new QueueSnapshot(4,
                Duration.ofSeconds(75), 10, 9, 1, 0.9, 0.82, Duration.ofSeconds(8))), seats.isEmpty() ? Map.of()
                : counts);
        Map<String, QueueConfig> queues = Map.of("support", queue("support"), "sales", queue("sales"));
        return new WallboardAssembly.Floor(routing, queues, seats, orders, dispatches);
    }

    private static WallboardAssembly.Today today() {
        return new WallboardAssembly.Today(DAY, Map.of("support", new WallboardSnapshot.Day(12, 10, 8, 2)), null);
    }

    private static QueueConfig queue(String name) {
        return new QueueConfig(name, List.of(new RoutingStep("first", List.of(Tier.TIER1), 1, null)),
                Duration.ofSeconds(20));
    }

    private static SeatCard seat(String id, SeatState state, DeviceState device) {
        return new SeatCard(id, id, Tier.TIER1, state, null, NOW, device, null);
    }

    private static SlaClockState clock(Set<WarningLevel> fired, boolean stopped, Instant dueAt) {
        return new SlaClockState(Duration.ofMinutes(5), stopped ? null : NOW.minusSeconds(600), stopped, fired, dueAt);
    }

    private static WorkOrderView order(long id, SlaClockState resolution) {
        SlaClockState response = new SlaClockState(Duration.ofSeconds(30), null, true, Set.of(), null);
        StoredWorkOrder order = new StoredWorkOrder(id, Origin.CALL, new CallKey("pbx1", "1733562902." + id),
                new CustomerProblem("02161234567", 7L, "PREMIUM", "finance"), null, Severity.P2,
                WorkOrderState.IN_PROGRESS, Tier.TIER1, "S1", new WorkOrderTimes(NOW.minusSeconds(3600), null,
                NOW.minusSeconds(3500), null, null), response, resolution, 1, 0, 1);
        return new WorkOrderView(order, List.of(), null);
    }

    private static StoredDispatch closed(StoredDispatch dispatch, Instant at) {
        return new StoredDispatch(dispatch.workOrderId(), dispatch.site(), dispatch.productLine(),
                dispatch.contactNumber(), DispatchState.CLOSED, dispatch.openedAt(), dispatch.ranking(),
                dispatch.legs(), null, null, null, null, null, null, null, null, null, at, 0, 2);
    }
}
