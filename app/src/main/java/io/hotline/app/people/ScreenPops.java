package io.hotline.app.people;

import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.knowledge.KnowledgeHit;
import io.hotline.routing.spi.CallerDirectory;
import io.hotline.routing.spi.CallerProfile;
import io.hotline.routing.spi.CustomerHistory;
import io.hotline.routing.spi.KnowledgeBase;
import io.hotline.web.desktop.SeatCard;
import io.hotline.web.desktop.WorkOrderJson;
import io.hotline.web.desktop.WorkOrderView;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the screen-pop of docs/api.md when a call is offered to a seat ({@code offered}) and when the seat answers
 * ({@code answered}), pushes it to the seat's agent and keeps it as the seat's current pop until the offer is
 * withdrawn or the conversation ends. The customer is taken from what the call arrived with, else from the caller
 * look-up's memory, so the database is read once per call (its history); the answered pop reuses the offered one's
 * history.
 * <p>
 * Thread-safe: {@link #offered}, {@link #answered} and {@link #ended} are called on the routing thread and only
 * hand the work to the bounded executor (a full one costs the history: the pop goes out with the caller alone).
 * The current pops are immutable maps in a concurrent map.
 */
public final class ScreenPops {
    /** Last contacts and suggested articles on a pop. */
    static final int CONTACTS = 5;
    static final int ARTICLES = 5;
    private static final Logger LOG = LoggerFactory.getLogger(ScreenPops.class);

    private final Sources sources;
    private final Executor executor;
    private final InstantSource clock;
    private final Map<String, Pop> current = new ConcurrentHashMap<>();
    /**
     * The call and phase of each seat's latest pop asked for, by seat: a pop built after its call left, or an
     * offered pop built after the answer, is dropped.
     */
    private final Map<String, String> live = new ConcurrentHashMap<>();

    /**
     * Where a pop's parts come from. Immutable.
     *
     * @param history    the customer's card and history (blocking)
     * @param callers    the caller look-up; only its memory is asked
     * @param knowledge  suggests articles (blocking), or empty while the knowledge base is not opened
     * @param workOrders the open work orders
     * @param push       where pops go
     */
    public record Sources(CustomerHistory history, CallerDirectory callers, Optional<KnowledgeBase> knowledge,
                          OpenWorkOrders workOrders, SeatPush push) {
        public Sources {
            Objects.requireNonNull(history, "history");
            Objects.requireNonNull(callers, "callers");
            Objects.requireNonNull(knowledge, "knowledge");
            Objects.requireNonNull(workOrders, "workOrders");
            Objects.requireNonNull(push, "push");
        }
    }

    /** A seat's current pop and the history it was built with. */
    private record Pop(String callId, Map<String, Object> json, Optional<CustomerHistory.History> history) {
    }

    /** @param executor bounded, with its own named threads: the history and the suggestions block on I/O */
    public ScreenPops(Sources sources, Executor executor, InstantSource clock) {
        this.sources = Objects.requireNonNull(sources, "sources");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The seat's current pop, or empty. */
    public Optional<Object> current(String seatId) {
        Pop pop = current.get(seatId);
        return pop == null ? Optional.empty() : Optional.of(pop.json());
    }

    /** The call is ringing on the seat: builds and pushes the {@code offered} pop. */
    public void offered(SeatCard seat, RoutingCommand.OfferCall offer, CallArrival arrival) {
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("phase", "offered");
        head.put("callId", offer.callId());
        head.put("queue", arrival.queue());
        head.put("tier", offer.tier() == null ? null : offer.tier().name());
        head.put("offeredAt", clock.instant().toString());
        head.put("caller", callerJson(arrival));
        live.put(seat.seat(), offer.callId() + " offered");
        submit(seat.seat(), offer.callId(), offer.workOrderId(), arrival, head, null);
    }

    /** The seat answered: builds and pushes the {@code answered} pop, with the offered pop's history. */
    public void answered(SeatCard seat, CallArrival arrival) {
        SeatCard.SeatCall call = seat.call();
        Pop before = current.get(seat.seat());
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("phase", "answered");
        head.put("callId", call.callId());
        boolean same = before != null && before.callId().equals(call.callId());
        head.put("queue", same ? before.json().get("queue") : arrival.queue());
        head.put("tier", same ? before.json().get("tier") : seat.tier() == null ? null : seat.tier().name());
        head.put("offeredAt", same ? before.json().get("offeredAt") : null);
        head.put("caller", callerJson(arrival));
        live.put(seat.seat(), call.callId() + " answered");
        submit(seat.seat(), call.callId(), call.workOrderId(), arrival, head, same ? before.history() : null);
    }

    /** The offer was withdrawn or the conversation ended: the seat has no pop of that call any more. */
    public void ended(String seatId, String callId) {
        live.computeIfPresent(seatId, (seat, latest) -> latest.startsWith(callId + " ") ? null : latest);
        current.computeIfPresent(seatId, (seat, pop) -> pop.callId().equals(callId) ? null : pop);
    }

    private void submit(String seatId, String callId, Long workOrderId, CallArrival arrival,
                        Map<String, Object> head, Optional<CustomerHistory.History> known) {
        try {
            executor.execute(() -> build(seatId, callId, workOrderId, arrival, head, known));
        } catch (RejectedExecutionException e) {
            LOG.warn("The screen-pop executor is full: seat {} gets the pop of call {} without the customer",
                    seatId, callId);
            publish(seatId, callId, pop(head, Optional.empty(), workOrderId, List.of()), Optional.empty());
        }
    }

    private void build(String seatId, String callId, Long workOrderId, CallArrival arrival,
                       Map<String, Object> head, Optional<CustomerHistory.History> known) {
        try {
            Optional<CustomerHistory.History> history = known != null ? known : history(arrival, workOrderId);
            history.ifPresent(found -> sources.workOrders().rememberCustomer(found.customer()));
            List<KnowledgeHit> articles = suggestions(arrival, workOrderId, history);
            publish(seatId, callId, pop(head, history, workOrderId, articles), history);
        } catch (RuntimeException e) {
            LOG.warn("The screen-pop of call {} for seat {} failed ({}); it goes out with the caller alone", callId,
                    seatId, e.toString());
            publish(seatId, callId, pop(head, Optional.empty(), workOrderId, List.of()), Optional.empty());
        }
    }

    private Optional<CustomerHistory.History> history(CallArrival arrival, Long workOrderId) {
        Long customerId = arrival.customerId();
        if (customerId == null && arrival.callerNumber() != null) {
            customerId = sources.callers().recall(arrival.callerNumber()).map(CallerProfile::customerId).orElse(null);
        }
        if (customerId == null) {
            customerId = workOrder(workOrderId, arrival.callId()).map(view -> view.workOrder().problem()
                    .customerId()).orElse(null);
        }
        return customerId == null ? Optional.empty() : sources.history().of(customerId, CONTACTS);
    }

    private List<KnowledgeHit> suggestions(CallArrival arrival, Long workOrderId,
                                           Optional<CustomerHistory.History> history) {
        if (sources.knowledge().isEmpty()) {
            return List.of();
        }
        Optional<WorkOrderView> order = workOrder(workOrderId, arrival.callId());
        String productLine = order.map(view -> view.workOrder().problem().productLine())
                .orElse(arrival.productLine());
        // The call's own summary when a seat wrote one, else what the customer's open work orders are about.
        String text = order.map(view -> view.workOrder().summary()).filter(summary -> !summary.isBlank())
                .orElseGet(() -> history.map(found -> found.openWorkOrders().stream()
                        .map(CustomerHistory.OpenWorkOrder::summary).filter(Objects::nonNull)
                        .collect(Collectors.joining(" "))).orElse(""));
        return sources.knowledge().get().suggest(Optional.ofNullable(productLine), text, ARTICLES);
    }

    private void publish(String seatId, String callId, Map<String, Object> json,
                         Optional<CustomerHistory.History> history) {
        String latest = callId + " " + json.get("phase");
        if (!latest.equals(live.get(seatId))) {
            return;
        }
        current.put(seatId, new Pop(callId, json, history));
        if (!latest.equals(live.get(seatId))) {
            // The call left while the pop was put: ended() may have missed it.
            current.remove(seatId, current.get(seatId));
            return;
        }
        sources.push().toSeat(seatId, "screen_pop", json);
    }

    private Map<String, Object> pop(Map<String, Object> head, Optional<CustomerHistory.History> history,
                                    Long workOrderId, List<KnowledgeHit> articles) {
        Map<String, Object> json = new LinkedHashMap<>(head);
        json.put("customer", history.map(found -> ScreenPopJson.customer(found.customer())).orElse(null));
        json.put("products", history.map(ScreenPopJson::products).orElse(List.of()));
        json.put("openWorkOrders", history.map(ScreenPopJson::openWorkOrders).orElse(List.of()));
        json.put("lastContacts", history.map(ScreenPopJson::lastContacts).orElse(List.of()));
        Optional<WorkOrderView> order = workOrder(workOrderId, (String) head.get("callId"));
        json.put("workOrder", order.map(view -> WorkOrderJson.of(view, clock.instant(), true)).orElse(null));
        json.put("suggestedArticles", ScreenPopJson.articles(articles));
        return json;
    }

    /** The call's work order: the one routing named, else the one the desk opened for the call. */
    private Optional<WorkOrderView> workOrder(Long workOrderId, String callId) {
        return workOrderId != null ? sources.workOrders().get(workOrderId) : sources.workOrders().ofCall(callId);
    }

    private static Map<String, Object> callerJson(CallArrival arrival) {
        Map<String, Object> caller = new LinkedHashMap<>();
        caller.put("number", arrival.callerNumber());
        return caller;
    }

    /** The pops held now, for tests. */
    List<String> seatsWithPops() {
        return new ArrayList<>(current.keySet());
    }
}
