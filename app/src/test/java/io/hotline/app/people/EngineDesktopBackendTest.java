package io.hotline.app.people;

import static io.hotline.app.people.PeopleFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.desk.Actor;
import io.hotline.routing.desk.AuditAction;
import io.hotline.routing.desk.DeskCommand;
import io.hotline.routing.desk.DeskEvent;
import io.hotline.routing.field.GeoPoint;
import io.hotline.routing.field.Site;
import io.hotline.routing.desk.StoredWorkOrder;
import io.hotline.routing.knowledge.Article;
import io.hotline.routing.knowledge.ArticleDraft;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatState;
import io.hotline.routing.workorder.Severity;
import io.hotline.routing.workorder.WorkOrderState;
import io.hotline.web.desktop.ActionOutcome;
import io.hotline.web.desktop.SeatAction;
import io.hotline.web.desktop.SeatCard;
import io.hotline.web.desktop.SeatVerdict;
import io.hotline.web.desktop.WorkOrderAction;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The backend against scripted engines: each asked event is recorded and answered with the commands a script
 * gives for it, which are also fed to the read models first, as the engine loops' hand-off does.
 */
class EngineDesktopBackendTest {
    private final PeopleFixtures.RecordingPush push = new PeopleFixtures.RecordingPush();
    private final OpenWorkOrders workOrders = new OpenWorkOrders();
    private final PeopleViews views = new PeopleViews(List.of(SeatCard.loggedOut("S101", "Li Wei", Tier.TIER1,
            NOW)), new ScreenPops.Sources(new PeopleFixtures.FakeHistory(), new PeopleFixtures.FakeCallers(),
            Optional.empty(), workOrders, push), Runnable::run, InstantSource.fixed(NOW));
    private final List<Object> asked = new CopyOnWriteArrayList<>();
    private final List<String> written = new CopyOnWriteArrayList<>();
    private Function<RoutingEvent, List<RoutingCommand>> routingScript = event -> List.of();
    private Function<DeskEvent, List<DeskCommand>> deskScript = event -> List.of();
    private EngineDesktopBackend backend;
    private volatile boolean amiUp = true;

    @BeforeEach
    void wire() {
        backend = new EngineDesktopBackend(new EngineDesktopBackend.Wiring(views.seats(), workOrders, views.pops(),
                this::askRouting, this::askDesk, new EngineDesktopBackend.Engines(Map.of(Tier.TIER2, "tier2"),
                Optional.empty(), this::write, Runnable::run, call -> amiUp), () -> true, InstantSource.fixed(NOW)),
                new EngineDesktopBackend.Supervision(new PeopleFixtures.FakeMonitor(),
                        login -> CompletableFuture.completedFuture(Optional.empty()), Map.of(),
                        new PeopleFixtures.FakeLedger()), PeopleFixtures::site);
        views.deskCommand(new DeskCommand.WorkOrderOpened(PeopleFixtures.workOrder(42, "c1",
                WorkOrderState.IN_PROGRESS, Tier.TIER1, "S101"), PeopleFixtures.audit(42, 1, AuditAction.OPENED,
                WorkOrderState.NEW, Tier.TIER1)));
    }

    private Article write(StoredWorkOrder resolved, ArticleDraft draft) {
        written.add(resolved.id() + " " + resolved.state() + " " + draft);
        return new Article("KB-0100", draft.title(), draft.symptoms(), draft.solution(), "finance", resolved.id(),
                draft.author(), NOW, NOW);
    }

    private CompletionStage<List<RoutingCommand>> askRouting(RoutingEvent event) {
        asked.add(event);
        List<RoutingCommand> commands = routingScript.apply(event);
        commands.forEach(views::routingCommand);
        return CompletableFuture.completedFuture(commands);
    }

    private CompletionStage<List<DeskCommand>> askDesk(DeskEvent event) {
        asked.add(event);
        List<DeskCommand> commands = deskScript.apply(event);
        commands.forEach(views::deskCommand);
        return CompletableFuture.completedFuture(commands);
    }

    @Test
    void shouldSendTheKeypadsEventWithARequestIdAndAnswerWithRoutingsVerdictAndTheSeatAfterIt() {
        routingScript = event -> {
            RoutingEvent.SeatNotReady notReady = (RoutingEvent.SeatNotReady) event;
            return List.of(new RoutingCommand.SeatStateChanged("S101", SeatState.NOT_READY, notReady.reason()),
                    new RoutingCommand.SeatRequestAnswered(notReady.requestId(), "S101", true, null));
        };

        SeatVerdict verdict = backend.seatRequest("S101", SeatAction.NOT_READY, "lunch").toCompletableFuture().join();

        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.seat().state()).isEqualTo(SeatState.NOT_READY);
        assertThat(verdict.seat().reason()).isEqualTo("lunch");
        RoutingEvent.SeatNotReady sent = (RoutingEvent.SeatNotReady) asked.get(0);
        assertThat(sent.seatId()).isEqualTo("S101");
        assertThat(sent.requestId()).startsWith("desktop-");
    }

    @Test
    void shouldAnswerRoutingsRefusalInItsWordsAndSendWrapUpDoneAsReady() {
        routingScript = event -> List.of(new RoutingCommand.SeatRequestAnswered(((RoutingEvent.SeatReady) event)
                .requestId(), "S101", false, "seat S101 is logged out"));

        SeatVerdict verdict = backend.seatRequest("S101", SeatAction.WRAP_UP_DONE, null).toCompletableFuture()
                .join();

        assertThat(verdict).isEqualTo(new SeatVerdict(false, "seat S101 is logged out",
                views.seats().seat("S101").orElseThrow()));
        assertThat(asked.get(0)).isInstanceOf(RoutingEvent.SeatReady.class);
    }

    @Test
    void shouldMoveALiveCallUpThroughRoutingAndAnswerOnceTheDeskHeardOfIt() {
        // given the work order's call connected to S101
        views.routingCommand(new RoutingCommand.CallConnected("c1", "S101", Duration.ofSeconds(5)));
        routingScript = event -> List.of(new RoutingCommand.ConversationEnded("c1", "S101", Duration.ofSeconds(60)),
                new RoutingCommand.MoveToQueue("c1", "tier2", Tier.TIER1, "needs a senior", "S101", Tier.TIER2));
        deskScript = event -> List.of(new DeskCommand.WorkOrderChanged(PeopleFixtures.workOrder(42, "c1",
                WorkOrderState.IN_PROGRESS, Tier.TIER2, null), PeopleFixtures.audit(42, 2, AuditAction.ESCALATED,
                WorkOrderState.IN_PROGRESS, Tier.TIER2)));

        ActionOutcome outcome = backend.act(new WorkOrderAction.Escalate(42, Actor.seat("S101"), Tier.TIER2,
                "needs a senior", null)).toCompletableFuture().join();

        // then routing moved the caller (Hotline redirects: pbxMoved false), and the answer shows tier 2
        assertThat(asked.get(0)).isEqualTo(new RoutingEvent.EscalationRequested("c1", "S101", "tier2",
                "needs a senior", false));
        assertThat(asked.get(1)).isInstanceOf(DeskEvent.Tick.class);
        assertThat(outcome.result()).isEqualTo(ActionOutcome.Result.CHANGED);
        assertThat(outcome.workOrder().workOrder().tier()).isEqualTo(Tier.TIER2);
    }

    @Test
    void shouldRefuseToMoveALiveCallWhileHotlineCannotMoveCallsInsteadOfTakingItOffTheSeat() {
        // given the work order's call connected to S101, and no AMI connection up
        views.routingCommand(new RoutingCommand.CallConnected("c1", "S101", Duration.ofSeconds(5)));
        amiUp = false;

        // when the agent escalates to tier 2 and transfers
        ActionOutcome escalated = backend.act(new WorkOrderAction.Escalate(42, Actor.seat("S101"), Tier.TIER2,
                "needs a senior", null)).toCompletableFuture().join();
        ActionOutcome transferred = backend.act(new WorkOrderAction.Transfer(42, Actor.seat("S101"), "support-en",
                "speaks English")).toCompletableFuture().join();

        // then both are refused saying why, and neither routing nor the desk was asked anything
        assertThat(escalated.result()).isEqualTo(ActionOutcome.Result.REFUSED);
        assertThat(escalated.reason()).contains("cannot move it now (no AMI connection");
        assertThat(transferred.result()).isEqualTo(ActionOutcome.Result.REFUSED);
        assertThat(asked).isEmpty();
    }

    @Test
    void shouldEscalateAWorkOrderWithoutLiveCallToTheNamedRungAtTheDeskAndAnswerItsRefusal() {
        deskScript = event -> List.of(new DeskCommand.Refused("42", "Escalated", "an escalation needs a reason",
                Actor.seat("S101")));

        ActionOutcome refused = backend.act(new WorkOrderAction.Escalate(42, Actor.seat("S101"), Tier.TIER2, " ",
                null)).toCompletableFuture().join();
        backend.act(new WorkOrderAction.Escalate(42, Actor.seat("S101"), Tier.ON_SITE, "server room", "张江路 88 号"))
                .toCompletableFuture().join();

        assertThat(asked).containsExactly(new DeskEvent.Escalated(42, Actor.seat("S101"), " ", Tier.TIER2, null),
                new DeskEvent.Escalated(42, Actor.seat("S101"), "server room", Tier.ON_SITE,
                        new Site("张江路 88 号", new GeoPoint(31.2, 121.6), "Shanghai")));
        assertThat(refused).isEqualTo(ActionOutcome.refused("an escalation needs a reason"));
    }

    @Test
    void shouldSendEachDeskActionAsThePersonAndAnswerWithTheWorkOrderAfterIt() {
        List<DeskEvent> events = new ArrayList<>();
        deskScript = event -> {
            events.add(event);
            return List.of(new DeskCommand.WorkOrderChanged(PeopleFixtures.workOrder(42, "c1",
                    WorkOrderState.WAITING_ON_CUSTOMER, Tier.TIER1, "S101"), PeopleFixtures.audit(42, 2,
                    AuditAction.WAITING_ON_CUSTOMER, WorkOrderState.WAITING_ON_CUSTOMER, Tier.TIER1)));
        };
        Actor supervisor = Actor.supervisor("zhao.lei");

        ActionOutcome waiting = backend.act(new WorkOrderAction.Waiting(42, supervisor, "log files"))
                .toCompletableFuture().join();
        backend.act(new WorkOrderAction.Resume(42, supervisor, "files came")).toCompletableFuture().join();
        backend.act(new WorkOrderAction.Resolve(42, supervisor, "re-posted", null, null)).toCompletableFuture().join();
        assertThat(written).isEmpty();
        backend.act(new WorkOrderAction.Resolve(42, supervisor, "re-posted", "Posting fails", "no voucher"))
                .toCompletableFuture().join();
        assertThat(written).containsExactly("42 WAITING_ON_CUSTOMER " + new ArticleDraft("Posting fails",
                "no voucher", "re-posted", null, "zhao.lei"));
        backend.act(new WorkOrderAction.Update(42, supervisor, null, null, Severity.P1, null, null, "line down"))
                .toCompletableFuture().join();
        backend.act(new WorkOrderAction.Update(42, supervisor, "posting", null, Severity.P2, null, "notes", "r"))
                .toCompletableFuture().join();

        assertThat(waiting.workOrder().workOrder().state()).isEqualTo(WorkOrderState.WAITING_ON_CUSTOMER);
        assertThat(waiting.workOrder().trail()).hasSize(2);
        assertThat(events).containsExactly(new DeskEvent.WaitingOnCustomer(42, supervisor, "log files"),
                new DeskEvent.Resumed(42, supervisor, "files came"), new DeskEvent.Resolved(42, supervisor,
                        "re-posted"), new DeskEvent.Resolved(42, supervisor, "re-posted"),
                new DeskEvent.SeverityChanged(42, supervisor, Severity.P1, "line down"),
                new DeskEvent.DetailsChanged(42, supervisor, "posting", null, null, "notes"),
                new DeskEvent.SeverityChanged(42, supervisor, Severity.P2, "r"));
    }

    @Test
    void shouldRefuseATransferWithoutLiveCallAndAnActionOnAWorkOrderNotOpen() {
        ActionOutcome transfer = backend.act(new WorkOrderAction.Transfer(42, Actor.seat("S101"), "support-en",
                "English")).toCompletableFuture().join();
        ActionOutcome unknown = backend.act(new WorkOrderAction.Resume(99, Actor.seat("S101"), "r"))
                .toCompletableFuture().join();

        assertThat(transfer).isEqualTo(ActionOutcome.refused("the caller of work order 42 is no longer on the line"));
        assertThat(unknown).isEqualTo(ActionOutcome.notFound());
        assertThat(asked).isEmpty();
    }
}
