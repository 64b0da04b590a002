package io.hotline.app.people;

import static io.hotline.app.people.PeopleFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.callback.CallbackOutcome;
import io.hotline.routing.desk.Actor;
import io.hotline.routing.desk.AuditAction;
import io.hotline.routing.desk.DeskCommand;
import io.hotline.routing.desk.DeskEvent;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.DeviceState;
import io.hotline.routing.seat.SeatState;
import io.hotline.routing.spi.CallMonitor;
import io.hotline.routing.spi.CallbackLedger;
import io.hotline.routing.workorder.WorkOrderState;
import io.hotline.web.desktop.ActionOutcome;
import io.hotline.web.desktop.SeatCard;
import io.hotline.web.desktop.WorkOrderAction;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The supervisors' side of the backend against scripted engines, a fake monitor and a fake ledger: the board's
 * seats (device state included) and open work orders, reassigning through the desk, monitoring with the
 * supervisor's phone and the seat's endpoint, and callbacks scheduled and listed on the blocking executor.
 */
class SupervisionBackendTest {
    private final PeopleFixtures.RecordingPush push = new PeopleFixtures.RecordingPush();
    private final OpenWorkOrders workOrders = new OpenWorkOrders();
    private final PeopleViews views = new PeopleViews(List.of(SeatCard.loggedOut("S101", "Li Wei", Tier.TIER1, NOW),
            SeatCard.loggedOut("S102", "Wang Fang", Tier.TIER1, NOW)), new ScreenPops.Sources(
            new PeopleFixtures.FakeHistory(), new PeopleFixtures.FakeCallers(), Optional.empty(), workOrders, push),
            Runnable::run, InstantSource.fixed(NOW));
    private final PeopleFixtures.FakeMonitor monitor = new PeopleFixtures.FakeMonitor();
    private final PeopleFixtures.FakeLedger ledger = new PeopleFixtures.FakeLedger();
    private final Map<String, Optional<String>> phones = Map.of("zhao.lei", Optional.of("PJSIP/2001"),
            "no.phone", Optional.empty());
    private final List<Object> asked = new CopyOnWriteArrayList<>();
    private final List<String> blockingTasks = new CopyOnWriteArrayList<>();
    private Function<DeskEvent, List<DeskCommand>> deskScript = event -> List.of();
    private volatile boolean blockingFull;
    private EngineDesktopBackend backend;

    @BeforeEach
    void wire() {
        Executor blocking = task -> {
            if (blockingFull) {
                throw new RejectedExecutionException("full");
            }
            blockingTasks.add(Thread.currentThread().getName());
            task.run();
        };
        backend = new EngineDesktopBackend(new EngineDesktopBackend.Wiring(views.seats(), workOrders, views.pops(),
                event -> {
                    asked.add(event);
                    return CompletableFuture.completedFuture(List.of());
                }, this::askDesk, new EngineDesktopBackend.Engines(Map.of(Tier.TIER2, "tier2"), Optional.empty(),
                (resolved, draft) -> {
                    throw new AssertionError("no article here");
                }, blocking, call -> true), () -> true, InstantSource.fixed(NOW)),
                new EngineDesktopBackend.Supervision(monitor, login -> CompletableFuture.completedFuture(
                        phones.getOrDefault(login, Optional.empty())), Map.of("S101", "PJSIP/1001", "S102",
                        "PJSIP/1002"), ledger), PeopleFixtures::site);
        views.deskCommand(new DeskCommand.WorkOrderOpened(PeopleFixtures.workOrder(42, "c1",
                WorkOrderState.IN_PROGRESS, Tier.TIER1, "S101"), PeopleFixtures.audit(42, 1, AuditAction.OPENED,
                WorkOrderState.NEW, Tier.TIER1)));
    }

    private CompletionStage<List<DeskCommand>> askDesk(DeskEvent event) {
        asked.add(event);
        List<DeskCommand> commands = deskScript.apply(event);
        commands.forEach(views::deskCommand);
        return CompletableFuture.completedFuture(commands);
    }

    @Test
    void shouldShowEverySeatWithTheDeviceStateRoutingAppliedAndPushIt() {
        // given nothing pushed yet (the work order opened before)
        push.pushed.clear();
        push.data.clear();

        // when routing applied a device state of S101, and a device state of a seat it does not know
        views.routingEvent(new RoutingEvent.DeviceStateChanged("S101", DeviceState.RINGING));
        views.routingEvent(new RoutingEvent.DeviceStateChanged("S999", DeviceState.IN_USE));

        // then the board shows it, knows no new seat, and the supervisors heard of it
        assertThat(backend.seats()).extracting(SeatCard::seat).containsExactlyInAnyOrder("S101", "S102");
        assertThat(backend.seat("S101").orElseThrow().deviceState()).isEqualTo(DeviceState.RINGING);
        assertThat(push.pushed).containsExactly("S101 seat", "supervisors seat");
        assertThat(push.last("seat")).containsEntry("deviceState", "RINGING");
    }

    @Test
    void shouldListEveryOpenWorkOrder() {
        assertThat(backend.workOrders()).extracting(view -> view.id()).containsExactly(42L);
    }

    @Test
    void shouldReassignThroughTheDeskAndRefuseAnUnknownSeat() {
        deskScript = event -> List.of(new DeskCommand.WorkOrderChanged(PeopleFixtures.workOrder(42, "c1",
                WorkOrderState.IN_PROGRESS, Tier.TIER1, "S102"), PeopleFixtures.audit(42, 2,
                AuditAction.OWNER_REASSIGNED, WorkOrderState.IN_PROGRESS, Tier.TIER1)));
        Actor supervisor = Actor.supervisor("zhao.lei");

        ActionOutcome moved = backend.act(new WorkOrderAction.Reassign(42, supervisor, "S102", "S101 on leave"))
                .toCompletableFuture().join();
        ActionOutcome unknown = backend.act(new WorkOrderAction.Reassign(42, supervisor, "S999", "x"))
                .toCompletableFuture().join();

        assertThat(asked).containsExactly(new DeskEvent.OwnerReassigned(42, supervisor, "S102", "S101 on leave"));
        assertThat(moved.workOrder().ownerSeatId()).isEqualTo("S102");
        assertThat(unknown).isEqualTo(ActionOutcome.refused("there is no seat S999"));
    }

    @Test
    void shouldRingTheSupervisorsPhoneIntoTheSeatsEndpointOnlyWhileTheSeatIsOnACall() {
        CallMonitor.Result idle = backend.monitor("zhao.lei", "S101", CallMonitor.Mode.LISTEN).toCompletableFuture()
                .join();
        views.routingCommand(new RoutingCommand.SeatStateChanged("S101", SeatState.ON_CALL, null));
        views.routingCommand(new RoutingCommand.CallConnected("c1", "S101", Duration.ofSeconds(5)));

        CallMonitor.Result accepted = backend.monitor("zhao.lei", "S101", CallMonitor.Mode.WHISPER)
                .toCompletableFuture().join();
        CallMonitor.Result noPhone = backend.monitor("no.phone", "S101", CallMonitor.Mode.BARGE)
                .toCompletableFuture().join();
        monitor.answer = CallMonitor.Result.refused("AMI is not connected");
        CallMonitor.Result noAmi = backend.monitor("zhao.lei", "S101", CallMonitor.Mode.BARGE).toCompletableFuture()
                .join();

        assertThat(idle).isEqualTo(CallMonitor.Result.refused("seat S101 is not on a call"));
        assertThat(accepted).isEqualTo(CallMonitor.Result.ok());
        assertThat(noPhone.accepted()).isFalse();
        assertThat(noPhone.reason()).contains("no phone");
        assertThat(noAmi).isEqualTo(CallMonitor.Result.refused("AMI is not connected"));
        assertThat(monitor.asked).containsExactly("PJSIP/2001 PJSIP/1001 WHISPER", "PJSIP/2001 PJSIP/1001 BARGE");
    }

    @Test
    void shouldScheduleACallbackOnTheBlockingExecutorAsTheSeatAndRefuseAPastTime() {
        ActionOutcome scheduled = backend.act(new WorkOrderAction.ScheduleCallback(42, Actor.seat("S101"),
                NOW.plusSeconds(3600), "02161234567", "after lunch")).toCompletableFuture().join();
        backend.act(new WorkOrderAction.ScheduleCallback(42, Actor.supervisor("zhao.lei"), NOW.plusSeconds(60),
                "02161234567", null)).toCompletableFuture().join();
        ActionOutcome past = backend.act(new WorkOrderAction.ScheduleCallback(42, Actor.seat("S101"),
                NOW.minusSeconds(1), "02161234567", null)).toCompletableFuture().join();

        assertThat(scheduled.result()).isEqualTo(ActionOutcome.Result.CHANGED);
        assertThat(scheduled.workOrder().id()).isEqualTo(42);
        assertThat(past.result()).isEqualTo(ActionOutcome.Result.REFUSED);
        assertThat(ledger.scheduled).containsExactly(
                "42 02161234567 S101 " + NOW + " " + NOW.plusSeconds(3600),
                "42 02161234567 null " + NOW + " " + NOW.plusSeconds(60));
        assertThat(blockingTasks).hasSize(2);
        // the note (the ledger keeps none) went to the work order's notes through the desk
        assertThat(asked).containsExactly(new DeskEvent.DetailsChanged(42, Actor.seat("S101"), null, null, null,
                "Callback " + NOW.plusSeconds(3600) + " to 02161234567: after lunch"));
    }

    @Test
    void shouldListOpenCallbacksOnTheBlockingExecutorAndFailWhenItIsFull() {
        CallbackLedger.OpenCallback open = new CallbackLedger.OpenCallback(5, 42, "02161234567", NOW,
                NOW.plusSeconds(600), 1, "PENDING", CallbackOutcome.NO_ANSWER, "S101");
        ledger.open.add(open);

        assertThat(backend.callbacks(10).toCompletableFuture().join()).containsExactly(open);
        assertThat(blockingTasks).hasSize(1);

        blockingFull = true;
        assertThat(backend.callbacks(10).toCompletableFuture()).isCompletedExceptionally();
    }
}
