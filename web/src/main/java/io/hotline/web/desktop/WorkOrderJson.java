package io.hotline.web.desktop;

import io.hotline.routing.desk.Actor;
import io.hotline.routing.desk.AuditAction;
import io.hotline.routing.desk.AuditEvent;
import io.hotline.routing.desk.SlaClockState;
import io.hotline.routing.desk.StoredWorkOrder;
import io.hotline.routing.desk.WarningLevel;
import io.hotline.routing.spi.CustomerHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place a work order becomes the JSON of docs/api.md ({@code GET /api/work-orders/{id}}, the
 * {@code work_order} push, the screen-pop's {@code workOrder}): add a field here and every one of them has it.
 * Instants are ISO-8601 UTC, durations whole seconds. Stateless, thread-safe.
 */
public final class WorkOrderJson {

    private WorkOrderJson() {
    }

    /**
     * The work order as JSON-ready maps and lists.
     *
     * @param view      the work order
     * @param now       the time the clocks' remaining seconds count from
     * @param withTrail whether to add the audit trail (the supervisors' list leaves it out)
     */
    public static Map<String, Object> of(WorkOrderView view, Instant now, boolean withTrail) {
        StoredWorkOrder order = view.workOrder();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", order.id());
        json.put("origin", order.origin().name());
        json.put("callId", order.call() == null ? null : order.call().linkedId());
        json.put("state", order.state().name());
        json.put("tier", order.tier().name());
        json.put("severity", order.severity().name());
        json.put("owner", order.ownerSeatId());
        json.put("customer", customer(view));
        json.put("productLine", order.problem().productLine());
        json.put("category", order.details().category());
        json.put("summary", order.summary());
        json.put("notes", order.details().notes());
        json.put("resolution", order.details().resolution() != null ? order.details().resolution()
                : resolution(view.trail()));
        json.put("site", order.details().site());
        json.put("openedAt", text(order.times().openedAt()));
        json.put("contacts", order.contacts());
        json.put("reopens", order.reopens());
        Map<String, Object> clocks = new LinkedHashMap<>();
        clocks.put("response", clock(order.response(), order.times().respondedAt(), now));
        clocks.put("resolution", clock(order.resolution(), order.times().resolvedAt(), now));
        json.put("clocks", clocks);
        if (withTrail) {
            List<Map<String, Object>> trail = new ArrayList<>(view.trail().size());
            for (AuditEvent event : view.trail()) {
                trail.add(trailStep(event));
            }
            json.put("trail", trail);
        }
        return json;
    }

    private static Map<String, Object> customer(WorkOrderView view) {
        Long id = view.workOrder().problem().customerId();
        if (id == null && view.customer() == null) {
            return null;
        }
        CustomerHistory.Customer card = view.customer();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", card == null ? id : card.id());
        json.put("name", card == null ? null : card.name());
        json.put("contractLevel", card == null ? view.workOrder().problem().contractLevel() : card.contractLevel());
        json.put("vip", card != null && card.vip());
        return json;
    }

    private static String resolution(List<AuditEvent> trail) {
        for (int i = trail.size() - 1; i >= 0; i--) {
            if (trail.get(i).action() == AuditAction.RESOLVED) {
                return trail.get(i).why();
            }
        }
        return null;
    }

    /** One SLA clock: RUNNING (with its due time and what remains), PAUSED or STOPPED (with when it was met). */
    static Map<String, Object> clock(SlaClockState clock, Instant metAt, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        String state = clock.stopped() ? "STOPPED" : clock.runningSince() != null ? "RUNNING" : "PAUSED";
        json.put("state", state);
        json.put("dueAt", text(clock.dueAt()));
        if (clock.stopped()) {
            json.put("metAt", text(metAt));
        }
        long remaining = clock.dueAt() == null || clock.stopped() ? 0
                : Math.max(0, Duration.between(now, clock.dueAt()).toSeconds());
        json.put("remainingSeconds", remaining);
        json.put("breached", clock.fired().contains(WarningLevel.BREACH));
        return json;
    }

    private static Map<String, Object> trailStep(AuditEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seq", event.sequence());
        json.put("at", text(event.at()));
        json.put("actor", actor(event.actor()));
        json.put("action", event.action().name());
        json.put("from", event.fromState() == null ? null : event.fromState().name());
        json.put("to", event.toState().name());
        json.put("tier", event.toTier().name());
        json.put("reason", event.why());
        return json;
    }

    /** A person by their seat or login; the call and the desk as {@code system}. */
    private static String actor(Actor actor) {
        return actor.isPerson() ? actor.id() : "system";
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
