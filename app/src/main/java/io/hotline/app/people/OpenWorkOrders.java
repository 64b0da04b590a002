package io.hotline.app.people;

import io.hotline.routing.desk.AuditEvent;
import io.hotline.routing.desk.DeskCommand;
import io.hotline.routing.desk.StoredWorkOrder;
import io.hotline.routing.spi.CustomerHistory;
import io.hotline.web.desktop.SeatCard;
import io.hotline.web.desktop.WorkOrderView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open work orders as the service desk last told them, with the audit trail heard since start (at most
 * {@value #MAX_TRAIL} steps each), fed by the desk's commands: an opening or a change puts the work order, a close,
 * a cancel or a release drops it. Customers' cards learnt by screen-pops are joined in when read.
 * <p>
 * Written only on the {@code service-desk} thread ({@link #restore} before it starts, then {@link #accept});
 * read from any thread: immutable values in concurrent maps. The customer cards are a cache any thread may fill.
 */
public final class OpenWorkOrders {
    /** The most audit steps kept per work order: the newest. */
    static final int MAX_TRAIL = 200;

    private final Map<Long, WorkOrderView> open = new ConcurrentHashMap<>();
    private final Map<Long, CustomerHistory.Customer> customers = new ConcurrentHashMap<>();
    /** The open work order of each call, by linkedid: routing offers a call before it knows its work order. */
    private final Map<String, Long> byCall = new ConcurrentHashMap<>();

    /** Puts the work orders the desk was restored with (their trails are not read back). */
    public void restore(Collection<StoredWorkOrder> restored) {
        for (StoredWorkOrder order : restored) {
            if (!order.state().isTerminal()) {
                open.put(order.id(), new WorkOrderView(order, List.of(), null));
                indexCall(order);
            }
        }
    }

    /** The open work order with this id, with its customer's card when known. */
    public Optional<WorkOrderView> get(long id) {
        WorkOrderView view = open.get(id);
        return view == null ? Optional.empty() : Optional.of(withCustomer(view));
    }

    /** The open work order of the call with this linkedid. */
    public Optional<WorkOrderView> ofCall(String linkedId) {
        Long id = byCall.get(linkedId);
        return id == null ? Optional.empty() : get(id);
    }

    /**
     * {@code card} with its call's work order filled in: routing offers a call before the desk opens its work order,
     * so the seat board, fed by routing alone, learns the call but not the work order.
     */
    public SeatCard completed(SeatCard card) {
        SeatCard.SeatCall call = card.call();
        if (call == null || call.workOrderId() != null) {
            return card;
        }
        return ofCall(call.callId()).map(view -> card.withCall(new SeatCard.SeatCall(call.callId(), view.id(),
                call.since(), call.connected()))).orElse(card);
    }

    /** Every open work order, in no particular order. */
    public List<WorkOrderView> all() {
        List<WorkOrderView> all = new ArrayList<>(open.size());
        open.values().forEach(view -> all.add(withCustomer(view)));
        return all;
    }

    /** Remembers a customer's card (from a screen-pop), for the work orders of that customer. */
    public void rememberCustomer(CustomerHistory.Customer customer) {
        customers.put(customer.id(), customer);
    }

    /**
     * Takes one desk command; on the desk's thread.
     *
     * @return the work order after an opening or a change (to push), else empty
     */
    public Optional<WorkOrderView> accept(DeskCommand command) {
        if (command instanceof DeskCommand.WorkOrderOpened opened) {
            return Optional.of(put(opened.workOrder(), opened.audit(), List.of()));
        } else if (command instanceof DeskCommand.WorkOrderChanged changed) {
            WorkOrderView before = open.get(changed.workOrder().id());
            return Optional.of(put(changed.workOrder(), changed.audit(), before == null ? List.of()
                    : before.trail()));
        } else if (command instanceof DeskCommand.WorkOrderReleased released) {
            remove(released.workOrderId());
        }
        return Optional.empty();
    }

    private WorkOrderView put(StoredWorkOrder order, AuditEvent audit, List<AuditEvent> trailBefore) {
        List<AuditEvent> trail = new ArrayList<>(trailBefore.size() + 1);
        trail.addAll(trailBefore.size() < MAX_TRAIL ? trailBefore
                : trailBefore.subList(trailBefore.size() - MAX_TRAIL + 1, trailBefore.size()));
        trail.add(audit);
        WorkOrderView view = new WorkOrderView(order, trail, null);
        if (order.state().isTerminal()) {
            remove(order.id());
        } else {
            open.put(order.id(), view);
            indexCall(order);
        }
        return withCustomer(view);
    }

    private void indexCall(StoredWorkOrder order) {
        if (order.call() != null) {
            byCall.put(order.call().linkedId(), order.id());
        }
    }

    private void remove(long id) {
        WorkOrderView removed = open.remove(id);
        if (removed != null && removed.workOrder().call() != null) {
            byCall.remove(removed.workOrder().call().linkedId(), id);
        }
    }

    private WorkOrderView withCustomer(WorkOrderView view) {
        Long customerId = view.workOrder().problem().customerId();
        CustomerHistory.Customer customer = customerId == null ? null : customers.get(customerId);
        return customer == null ? view : new WorkOrderView(view.workOrder(), view.trail(), customer);
    }
}
