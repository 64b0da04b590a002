package io.hotline.app.people;

import io.hotline.routing.desk.DeskCommand;
import io.hotline.routing.desk.Recipient;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.web.desktop.SeatCard;
import io.hotline.web.desktop.SeatJson;
import io.hotline.web.desktop.WorkOrderJson;
import io.hotline.web.desktop.WorkOrderView;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Turns what the read models hear into pushes: a seat's change goes to its agent and the supervisors
 * ({@code seat}), an offer and an answer to the screen-pops, a withdrawn offer to the agent
 * ({@code offer_withdrawn}), a work order's opening or change to its owner's agent and the supervisors
 * ({@code work_order}). Called on the engine threads; builds small maps and hands them to the push, which never
 * blocks. Thread-safe: holds no state of its own.
 */
public final class DesktopPushes implements SeatBoard.Listener, Consumer<WorkOrderView> {
    private final SeatPush push;
    private final ScreenPops pops;
    private final InstantSource clock;
    private final OpenWorkOrders workOrders;

    public DesktopPushes(SeatPush push, ScreenPops pops, InstantSource clock, OpenWorkOrders workOrders) {
        this.push = Objects.requireNonNull(push, "push");
        this.pops = Objects.requireNonNull(pops, "pops");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.workOrders = Objects.requireNonNull(workOrders, "workOrders");
    }

    @Override
    public void seatChanged(SeatCard seat) {
        Map<String, Object> json = SeatJson.of(workOrders.completed(seat), clock.instant());
        push.toSeat(seat.seat(), "seat", json);
        push.toSupervisors("seat", json);
    }

    @Override
    public void offered(SeatCard seat, RoutingCommand.OfferCall offer, CallArrival arrival) {
        pops.offered(seat, offer, arrival);
    }

    @Override
    public void answered(SeatCard seat, CallArrival arrival) {
        pops.answered(seat, arrival);
    }

    @Override
    public void withdrawn(String seatId, String callId, String reason) {
        pops.ended(seatId, callId);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("callId", callId);
        json.put("reason", reason);
        push.toSeat(seatId, "offer_withdrawn", json);
    }

    @Override
    public void ended(String seatId, String callId) {
        pops.ended(seatId, callId);
    }

    /** A work order was opened or changed. */
    @Override
    public void accept(WorkOrderView workOrder) {
        Instant now = clock.instant();
        if (workOrder.ownerSeatId() != null) {
            // the owner's desktop shows the work order with its history: the trail goes with it
            push.toSeat(workOrder.ownerSeatId(), "work_order", WorkOrderJson.of(workOrder, now, true));
        }
        push.toSupervisors("work_order", WorkOrderJson.of(workOrder, now, false));
    }

    /**
     * An SLA clock reached a warning level: {@code sla_warning} to each recipient the desk named (the owner's seat,
     * the supervisors), as it fires; the durable copy is the notification inbox.
     */
    public void warned(DeskCommand.ClockWarning warning) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("workOrderId", warning.workOrderId());
        json.put("clock", warning.clock().name());
        // "50", "75" or "100" (breached), as docs/api.md says
        json.put("level", Integer.toString(warning.percent()));
        json.put("dueAt", warning.dueAt().toString());
        json.put("firedAt", warning.firedAt().toString());
        for (Recipient recipient : warning.to()) {
            if (recipient.kind() == Recipient.Kind.SEAT) {
                push.toSeat(recipient.id(), "sla_warning", json);
            } else {
                push.toSupervisors("sla_warning", json);
            }
        }
    }
}
