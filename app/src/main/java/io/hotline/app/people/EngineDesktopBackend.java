package io.hotline.app.people;

import io.hotline.routing.desk.DeskCommand;
import io.hotline.routing.desk.DeskEvent;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.desk.StoredWorkOrder;
import io.hotline.routing.knowledge.Article;
import io.hotline.routing.knowledge.ArticleDraft;
import io.hotline.routing.knowledge.KnowledgeHit;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.spi.CallMonitor;
import io.hotline.routing.spi.CallbackLedger;
import io.hotline.routing.spi.KnowledgeBase;
import io.hotline.web.desktop.ActionOutcome;
import io.hotline.web.desktop.DesktopBackend;
import io.hotline.web.desktop.SeatAction;
import io.hotline.web.desktop.SeatCard;
import io.hotline.web.desktop.SeatVerdict;
import io.hotline.web.desktop.WorkOrderAction;
import io.hotline.web.desktop.WorkOrderView;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import io.hotline.routing.field.Site;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The desktop API's backend: views from the read models, and every request asked of the engines
 * ({@link io.hotline.app.loop.EngineLoop#ask}), answered once the engine applied it and the read models show it.
 * Seat requests are routing's seat events with a request id, answered by routing's
 * {@link RoutingCommand.SeatRequestAnswered} (the keypad's path); work-order actions are the desk's events with the
 * person as actor, answered by the desk's change or {@link DeskCommand.Refused}; an escalation or a transfer of a
 * call still live on a seat goes through routing's {@link RoutingEvent.EscalationRequested} (Hotline moves the
 * caller, who keeps their place) and the desk hears of it from routing. The supervisors' side
 * ({@link Supervision}): listen / whisper / barge through the {@link CallMonitor} with the supervisor's own phone and
 * the seat's SIP endpoint, and the callbacks through the {@link CallbackLedger} on the blocking executor.
 * <p>
 * Thread-safe: it holds no mutable state but a request counter; views read concurrent maps; the answers complete on
 * the engines' threads (or the knowledge base's executor).
 */
public final class EngineDesktopBackend implements DesktopBackend {
    private final Wiring wiring;
    private final Supervision supervision;
    private final AtomicLong requests = new AtomicLong();
    private final WorkOrderActions actions;

    /**
     * What the backend reads and asks. Immutable.
     *
     * @param seats      the seats' read model
     * @param workOrders the open work orders' read model
     * @param pops       the current screen-pops
     * @param routing    asks routing: the commands that exactly this event emitted
     * @param desk       asks the service desk: the commands that exactly this event emitted
     * @param engines    the tiers' queues and the knowledge base
     * @param ready      whether the desk has loaded its work orders
     * @param clock      the views' clock
     */
    public record Wiring(SeatBoard seats, OpenWorkOrders workOrders, ScreenPops pops,
                         Function<RoutingEvent, CompletionStage<List<RoutingCommand>>> routing,
                         Function<DeskEvent, CompletionStage<List<DeskCommand>>> desk, Engines engines,
                         BooleanSupplier ready, InstantSource clock) {
        public Wiring {
            Objects.requireNonNull(seats, "seats");
            Objects.requireNonNull(workOrders, "workOrders");
            Objects.requireNonNull(pops, "pops");
            Objects.requireNonNull(routing, "routing");
            Objects.requireNonNull(desk, "desk");
            Objects.requireNonNull(engines, "engines");
            Objects.requireNonNull(ready, "ready");
            Objects.requireNonNull(clock, "clock");
        }
    }

    /**
     * Where escalations go and where articles are searched and written. Immutable.
     *
     * @param escalationQueues the queue whose first tier is each seat tier, for moving a live call up the ladder
     * @param knowledge        the knowledge base, or empty while it is not opened
     * @param articles         writes the article asked for with a resolution, from the work order as the desk
     *                         resolved it (blocks on I/O)
     * @param blocking         runs knowledge-base searches and article writes
     * @param callsMovable     whether Hotline can move the live caller of a call (by its id) now: AMI knows the
     *                         caller's channel and its connection is up; otherwise a desktop's escalation or
     *                         transfer of a call on the line is refused, never pretended
     */
    public record Engines(Map<Tier, String> escalationQueues, Optional<KnowledgeBase> knowledge,
                          ArticleWriter articles, Executor blocking, Predicate<String> callsMovable) {
        public Engines {
            Objects.requireNonNull(callsMovable, "callsMovable");
            escalationQueues = Map.copyOf(escalationQueues);
            Objects.requireNonNull(knowledge, "knowledge");
            Objects.requireNonNull(articles, "articles");
            Objects.requireNonNull(blocking, "blocking");
        }
    }

    /**
     * What the supervisors' side uses. Immutable.
     *
     * @param monitor       rings a supervisor's phone into a seat's call (refuses without AMI)
     * @param phones        each login's own phone (its SIP endpoint), empty when the account has none; never blocks
     * @param seatEndpoints each seat's softphone (its SIP endpoint, {@code PJSIP/1001}), by seat code
     * @param callbacks     the callbacks owed (blocks: called on the engines' blocking executor)
     */
    public record Supervision(CallMonitor monitor, Function<String, CompletionStage<Optional<String>>> phones,
                              Map<String, String> seatEndpoints, CallbackLedger callbacks) {
        public Supervision {
            Objects.requireNonNull(monitor, "monitor");
            Objects.requireNonNull(phones, "phones");
            seatEndpoints = Map.copyOf(seatEndpoints);
            Objects.requireNonNull(callbacks, "callbacks");
        }
    }

    /** Publishes an article written from a resolved work order; blocks on I/O; thread-safe. */
    @FunctionalInterface
    public interface ArticleWriter {
        /**
         * @param resolved the work order as the desk holds it once resolved
         * @throws io.hotline.routing.knowledge.ArticleRefusedException when the knowledge base refuses it
         */
        Article write(StoredWorkOrder resolved, ArticleDraft draft);
    }

    /**
     * @param sites where an on-site escalation sends the engineer: the customer's site from their record
     *              ({@code CustomerSites} in production)
     */
    public EngineDesktopBackend(Wiring wiring, Supervision supervision,
                                BiFunction<Long, String, CompletionStage<Site>> sites) {
        this.wiring = Objects.requireNonNull(wiring, "wiring");
        this.supervision = Objects.requireNonNull(supervision, "supervision");
        Objects.requireNonNull(sites, "sites");
        this.actions = new WorkOrderActions(wiring, supervision.callbacks(), sites::apply);
    }

    @Override
    public boolean ready() {
        return wiring.ready().getAsBoolean();
    }

    @Override
    public Instant now() {
        return wiring.clock().instant();
    }

    @Override
    public Optional<SeatCard> seat(String seatId) {
        return wiring.seats().seat(seatId).map(wiring.workOrders()::completed);
    }

    @Override
    public Optional<Object> screenPop(String seatId) {
        return wiring.pops().current(seatId);
    }

    @Override
    public Optional<WorkOrderView> workOrder(long id) {
        return wiring.workOrders().get(id);
    }

    @Override
    public List<SeatCard> seats() {
        return wiring.seats().seats().stream().map(wiring.workOrders()::completed).toList();
    }

    @Override
    public List<WorkOrderView> workOrders() {
        return wiring.workOrders().all();
    }

    /**
     * Refused at once when Hotline knows no phone for the seat or the seat is on no call (nothing to listen to);
     * else the supervisor's phone is looked up and, when there is one, the monitor is asked.
     */
    @Override
    public CompletionStage<CallMonitor.Result> monitor(String supervisorLogin, String seatId, CallMonitor.Mode mode) {
        String endpoint = supervision.seatEndpoints().get(seatId);
        if (endpoint == null) {
            return CompletableFuture.completedFuture(CallMonitor.Result.refused("Hotline knows no phone of seat "
                    + seatId));
        }
        boolean onCall = wiring.seats().seat(seatId).map(SeatCard::call).map(SeatCard.SeatCall::connected)
                .orElse(false);
        if (!onCall) {
            return CompletableFuture.completedFuture(CallMonitor.Result.refused("seat " + seatId
                    + " is not on a call"));
        }
        return supervision.phones().apply(supervisorLogin).thenCompose(phone -> phone.isEmpty()
                ? CompletableFuture.completedFuture(CallMonitor.Result.refused("your account has no phone to ring:"
                        + " an administrator sets it"))
                : supervision.monitor().monitor(phone.get(), endpoint, mode));
    }

    @Override
    public CompletionStage<List<CallbackLedger.OpenCallback>> callbacks(int limit) {
        return WorkOrderActions.onBlocking(() -> supervision.callbacks().open(limit), wiring.engines().blocking());
    }

    @Override
    public CompletionStage<SeatVerdict> seatRequest(String seatId, SeatAction action, String reason) {
        String requestId = "desktop-" + requests.incrementAndGet();
        RoutingEvent event = switch (action) {
            case LOGIN -> new RoutingEvent.SeatLoggedIn(seatId, requestId);
            case LOGOUT -> new RoutingEvent.SeatLoggedOut(seatId, requestId);
            case READY, WRAP_UP_DONE -> new RoutingEvent.SeatReady(seatId, requestId);
            case NOT_READY -> new RoutingEvent.SeatNotReady(seatId, Objects.requireNonNull(reason, "reason"),
                    requestId);
        };
        return wiring.routing().apply(event).thenApply(commands -> {
            for (RoutingCommand command : commands) {
                if (command instanceof RoutingCommand.SeatRequestAnswered answered
                        && answered.requestId().equals(requestId)) {
                    return new SeatVerdict(answered.accepted(), answered.accepted() ? null : answered.reason(),
                            wiring.seats().seat(seatId).orElse(null));
                }
            }
            return new SeatVerdict(false, "routing did not answer the request of seat " + seatId,
                    wiring.seats().seat(seatId).orElse(null));
        });
    }

    @Override
    public CompletionStage<ActionOutcome> act(WorkOrderAction action) {
        return actions.act(action);
    }

    @Override
    public CompletionStage<List<KnowledgeHit>> searchKnowledge(String query, Optional<String> productLine,
                                                               int limit) {
        Optional<KnowledgeBase> knowledge = wiring.engines().knowledge();
        if (knowledge.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return CompletableFuture.supplyAsync(() -> knowledge.get().search(query, productLine, limit),
                wiring.engines().blocking());
    }
}
