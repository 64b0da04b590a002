package io.hotline.web.desktop;

import io.hotline.routing.callback.CallbackOutcome;
import io.hotline.routing.desk.AuditAction;
import io.hotline.routing.desk.AuditEvent;
import io.hotline.routing.desk.CallKey;
import io.hotline.routing.desk.CustomerProblem;
import io.hotline.routing.desk.Origin;
import io.hotline.routing.desk.SlaClockState;
import io.hotline.routing.desk.StoredWorkOrder;
import io.hotline.routing.desk.WorkOrderTimes;
import io.hotline.routing.desk.Actor;
import io.hotline.routing.knowledge.Article;
import io.hotline.routing.knowledge.KnowledgeHit;
import io.hotline.routing.spi.CallMonitor;
import io.hotline.routing.spi.CallbackLedger;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.DeviceState;
import io.hotline.routing.seat.SeatState;
import io.hotline.routing.workorder.Severity;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;

/**
 * A backend whose seats and work orders the test sets, which records what it is asked and answers as told.
 * Thread-safe.
 */
final class FakeDesktopBackend implements DesktopBackend {
    static final Instant NOW = Instant.parse("2026-12-07T09:15:02.120Z");

    final Map<String, SeatCard> seats = new ConcurrentHashMap<>();
    final Map<Long, WorkOrderView> workOrders = new ConcurrentHashMap<>();
    final List<String> seatRequests = new CopyOnWriteArrayList<>();
    final List<WorkOrderAction> actions = new CopyOnWriteArrayList<>();
    final List<String> searches = new CopyOnWriteArrayList<>();
    final List<String> monitors = new CopyOnWriteArrayList<>();
    volatile boolean ready = true;
    volatile String refusal;
    volatile boolean full;

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public Instant now() {
        return NOW;
    }

    @Override
    public Optional<SeatCard> seat(String seatId) {
        return Optional.ofNullable(seats.get(seatId));
    }

    @Override
    public Optional<Object> screenPop(String seatId) {
        return seatId.equals("S101") ? Optional.of(Map.of("phase", "offered", "callId", "1733562902.17"))
                : Optional.empty();
    }

    @Override
    public Optional<WorkOrderView> workOrder(long id) {
        return Optional.ofNullable(workOrders.get(id));
    }

    @Override
    public List<SeatCard> seats() {
        return List.copyOf(seats.values());
    }

    @Override
    public List<WorkOrderView> workOrders() {
        return List.copyOf(workOrders.values());
    }

    @Override
    public CompletionStage<CallMonitor.Result> monitor(String supervisorLogin, String seatId, CallMonitor.Mode mode) {
        monitors.add(supervisorLogin + " " + seatId + " " + mode);
        if (full) {
            return CompletableFuture.failedFuture(new RejectedExecutionException("full"));
        }
        return CompletableFuture.supplyAsync(() -> refusal == null ? CallMonitor.Result.ok()
                : CallMonitor.Result.refused(refusal));
    }

    @Override
    public CompletionStage<List<CallbackLedger.OpenCallback>> callbacks(int limit) {
        if (full) {
            return CompletableFuture.failedFuture(new RejectedExecutionException("full"));
        }
        return CompletableFuture.supplyAsync(() -> List.of(new CallbackLedger.OpenCallback(5, 42, "02161234567",
                NOW.minusSeconds(3600), NOW.plusSeconds(600), 1, "PENDING", CallbackOutcome.NO_ANSWER, "S101")));
    }

    @Override
    public CompletionStage<SeatVerdict> seatRequest(String seatId, SeatAction action, String reason) {
        seatRequests.add(seatId + " " + action + (reason == null ? "" : " " + reason));
        if (full) {
            return CompletableFuture.failedFuture(new RejectedExecutionException("full"));
        }
        if (refusal != null) {
            return CompletableFuture.completedFuture(new SeatVerdict(false, refusal, seats.get(seatId)));
        }
        SeatCard after = seats.get(seatId).withState(SeatState.NOT_READY, reason, NOW);
        return CompletableFuture.supplyAsync(() -> new SeatVerdict(true, null, after));
    }

    @Override
    public CompletionStage<ActionOutcome> act(WorkOrderAction action) {
        actions.add(action);
        if (refusal != null) {
            return CompletableFuture.completedFuture(ActionOutcome.refused(refusal));
        }
        return CompletableFuture.supplyAsync(() -> ActionOutcome.changed(workOrders.get(action.workOrderId())));
    }

    @Override
    public CompletionStage<List<KnowledgeHit>> searchKnowledge(String query, Optional<String> productLine,
                                                               int limit) {
        searches.add(query + " " + productLine.orElse("-") + " " + limit);
        Article article = new Article("KB-0012", "月结时凭证无法过账", "", "重新过账", "finance", null, "S104", NOW, NOW);
        return CompletableFuture.completedFuture(List.of(new KnowledgeHit(article, 3.2f, "月结时凭证无法<mark>过账</mark>",
                List.of("...<mark>过账</mark>..."))));
    }

    static SeatCard seatCard(String seatId) {
        return new SeatCard(seatId, "Li Wei", Tier.TIER1, SeatState.READY, null, NOW.minusSeconds(900),
                DeviceState.NOT_IN_USE, null);
    }

    static WorkOrderView workOrder(long id, String owner) {
        SlaClockState response = new SlaClockState(Duration.ofSeconds(30), null, true, Set.of(), null);
        SlaClockState resolution = new SlaClockState(Duration.ZERO, NOW.minusSeconds(60), false, Set.of(),
                NOW.plusSeconds(14_320));
        StoredWorkOrder order = new StoredWorkOrder(id, Origin.CALL, new CallKey("pbx1", "1733562902.17"),
                new CustomerProblem("02161234567", 7L, "PREMIUM", "finance"), null, Severity.P3,
                WorkOrderState.IN_PROGRESS, Tier.TIER1, owner, new WorkOrderTimes(NOW.minusSeconds(120), null,
                NOW.minusSeconds(90), null, null), response, resolution, 1, 0, 1);
        AuditEvent opened = new AuditEvent(id, 1, NOW.minusSeconds(120), new Actor(io.hotline.routing.desk.ActorKind
                .CALLER, "1733562902.17"), AuditAction.OPENED, "call arrived", null, WorkOrderState.NEW, null,
                Tier.TIER1, Severity.P3, null, 0);
        return new WorkOrderView(order, List.of(opened), null);
    }
}
