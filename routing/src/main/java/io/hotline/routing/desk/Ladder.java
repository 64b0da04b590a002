package io.hotline.routing.desk;

import io.hotline.routing.field.Site;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * What seats and supervisors do to a work order: up the ladder (one rung or to a chosen one), severity, waiting
 * on the customer, resolve, close, reopen, reassign, write its details. Each handler applies the change and
 * audits it, or refuses it and changes nothing.
 * <p>
 * The states: {@code NEW} until a person works on it, {@code IN_PROGRESS} on tier 1 to remote,
 * {@code DISPATCHED} on site, {@code WAITING_ON_CUSTOMER} (resolution clock paused), {@code RESOLVED}, then
 * {@code CLOSED}; resolved or closed work orders may be reopened within the window. Confined to the service-desk
 * thread.
 */
final class Ladder {
    private final DeskState state;
    private final CallWork calls;
    private final FieldWork field;

    Ladder(DeskState state, CallWork calls, FieldWork field) {
        this.state = state;
        this.calls = calls;
        this.field = field;
    }

    /**
     * The work order a person acts on, or {@code null} after refusing the request: unknown work order, or an
     * actor who is not a person.
     */
    private DeskWorkOrder target(DeskEvent.OnWorkOrder event) {
        String request = event.getClass().getSimpleName();
        if (!event.actor().isPerson()) {
            refuse(event, request, "only a seat or a supervisor may do this");
            return null;
        }
        DeskWorkOrder workOrder = state.byId.get(event.workOrderId());
        if (workOrder == null) {
            refuse(event, request, "no such work order held (unknown, or released after its reopen window)");
        }
        return workOrder;
    }

    /** {@link #target}, refusing too when the work order is resolved, closed or cancelled. */
    private DeskWorkOrder open(DeskEvent.OnWorkOrder event) {
        DeskWorkOrder workOrder = target(event);
        if (workOrder != null && !workOrder.isOpen()) {
            refuse(event, event.getClass().getSimpleName(), "work order " + workOrder.id + " is "
                    + workOrder.state);
            return null;
        }
        return workOrder;
    }

    private void refuse(DeskEvent.OnWorkOrder event, String request, String reason) {
        state.refuse(Long.toString(event.workOrderId()), request, reason, event.actor());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** The state of a work order at work on {@code tier}. */
    private static WorkOrderState working(Tier tier) {
        return tier == Tier.ON_SITE ? WorkOrderState.DISPATCHED : WorkOrderState.IN_PROGRESS;
    }

    void contacted(DeskEvent.CustomerContacted contacted) {
        DeskWorkOrder workOrder = open(contacted);
        if (workOrder == null) {
            return;
        }
        WorkOrderState from = workOrder.state;
        if (workOrder.respondedAtMs == DeskWorkOrder.NONE) {
            calls.respond(workOrder);
        } else {
            workOrder.contacts++;
        }
        if (workOrder.state == WorkOrderState.NEW) {
            workOrder.state = WorkOrderState.IN_PROGRESS;
        }
        state.changed(workOrder, contacted.actor(), AuditAction.CUSTOMER_CONTACTED, contacted.how(), from,
                workOrder.tier);
    }

    void escalate(DeskEvent.Escalated escalated) {
        if (blank(escalated.reason())) {
            refuse(escalated, "Escalated", "an escalation needs a reason");
            return;
        }
        DeskWorkOrder workOrder = open(escalated);
        if (workOrder == null) {
            return;
        }
        if (workOrder.state == WorkOrderState.WAITING_ON_CUSTOMER) {
            refuse(escalated, "Escalated", "work order " + workOrder.id + " waits on the customer: resume it first");
            return;
        }
        Tier target = escalationTarget(escalated, workOrder);
        if (target == null) {
            return;
        }
        WorkOrderState fromState = workOrder.state;
        Tier fromTier = workOrder.tier;
        workOrder.tier = target;
        Site site = escalated.site();
        if (target == Tier.ON_SITE && site != null) {
            workOrder.site = site.address().strip();
            site = new Site(workOrder.site, site.location(), site.region());
        }
        if (workOrder.tier == Tier.ON_SITE || fromState != WorkOrderState.NEW) {
            workOrder.state = working(workOrder.tier);
        }
        state.changed(workOrder, escalated.actor(), AuditAction.ESCALATED, escalated.reason(), fromState, fromTier);
        if (target == Tier.ON_SITE) {
            field.onSite(workOrder, site, escalated.actor());
        }
    }

    /**
     * The rung an escalation goes to (the one named, else the next), or {@code null} after refusing it: the top of
     * the ladder, a named rung not above the work order's, an escalation naming {@code ON_SITE} without the site,
     * a site named for another rung.
     */
    private Tier escalationTarget(DeskEvent.Escalated escalated, DeskWorkOrder workOrder) {
        Tier target;
        if (escalated.to() == null) {
            Optional<Tier> next = workOrder.tier.next();
            if (next.isEmpty()) {
                refuse(escalated, "Escalated", "work order " + workOrder.id + " is " + workOrder.tier
                        + ", the top of the ladder");
                return null;
            }
            target = next.get();
        } else if (escalated.to().compareTo(workOrder.tier) <= 0) {
            refuse(escalated, "Escalated", "work order " + workOrder.id + " is " + workOrder.tier + ": "
                    + escalated.to() + " is not above it");
            return null;
        } else {
            target = escalated.to();
        }
        // The one-rung form (keypad, routing, earlier callers) keeps working without a site; a person who names
        // the on-site rung names where to go.
        if (target == Tier.ON_SITE && escalated.to() != null && escalated.site() == null) {
            refuse(escalated, "Escalated", "an on-site escalation needs the customer's site (the address to go to)");
            return null;
        }
        if (target != Tier.ON_SITE && escalated.site() != null) {
            refuse(escalated, "Escalated", "a site is given only for an on-site escalation, not to " + target);
            return null;
        }
        return target;
    }

    /**
     * The seat moved the live call to another queue: up the ladder to the queue's first tier when that is above
     * the work order's (one rung when it is not known), else a transfer sideways that leaves the tier.
     */
    void callEscalated(DeskEvent.CallEscalated escalated) {
        CallKey call = escalated.call();
        Actor actor = escalated.seatId() == null ? new Actor(ActorKind.CALLER, call.linkedId())
                : Actor.seat(escalated.seatId());
        if (blank(escalated.reason())) {
            state.refuse(call.toString(), "CallEscalated", "an escalation needs a reason", actor);
            return;
        }
        DeskWorkOrder workOrder = state.byCall.get(call);
        if (workOrder == null) {
            state.refuse(call.toString(), "CallEscalated", "the call has no work order", actor);
            return;
        }
        if (!workOrder.isOpen() || workOrder.state == WorkOrderState.WAITING_ON_CUSTOMER) {
            state.refuse(Long.toString(workOrder.id), "CallEscalated", "work order " + workOrder.id + " is "
                    + workOrder.state, actor);
            return;
        }
        Tier target = escalated.toTier() != null ? escalated.toTier() : workOrder.tier.next().orElse(workOrder.tier);
        WorkOrderState fromState = workOrder.state;
        Tier fromTier = workOrder.tier;
        if (target.compareTo(fromTier) <= 0) {
            state.changed(workOrder, actor, AuditAction.CALL_TRANSFERRED, escalated.reason() + " (to queue "
                    + escalated.queue() + ")", fromState, fromTier);
            return;
        }
        workOrder.tier = target;
        if (target == Tier.ON_SITE || fromState != WorkOrderState.NEW) {
            workOrder.state = working(target);
        }
        state.changed(workOrder, actor, AuditAction.ESCALATED, escalated.reason(), fromState, fromTier);
        if (target == Tier.ON_SITE) {
            field.onSite(workOrder, null, actor);
        }
    }

    void severity(DeskEvent.SeverityChanged changed) {
        DeskWorkOrder workOrder = open(changed);
        if (workOrder == null) {
            return;
        }
        if (workOrder.severity == changed.severity()) {
            refuse(changed, "SeverityChanged", "work order " + workOrder.id + " is " + changed.severity()
                    + " already");
            return;
        }
        workOrder.severity = changed.severity();
        state.changed(workOrder, changed.actor(), AuditAction.SEVERITY_CHANGED, changed.reason(), workOrder.state,
                workOrder.tier);
    }

    void waitOnCustomer(DeskEvent.WaitingOnCustomer waiting) {
        DeskWorkOrder workOrder = open(waiting);
        if (workOrder == null) {
            return;
        }
        if (workOrder.state == WorkOrderState.WAITING_ON_CUSTOMER) {
            refuse(waiting, "WaitingOnCustomer", "work order " + workOrder.id + " waits on the customer already");
            return;
        }
        WorkOrderState from = workOrder.state;
        workOrder.resolution.pause(workOrder.calendar, state.nowMs);
        workOrder.state = WorkOrderState.WAITING_ON_CUSTOMER;
        state.changed(workOrder, waiting.actor(), AuditAction.WAITING_ON_CUSTOMER, waiting.reason(), from,
                workOrder.tier);
    }

    void resume(DeskEvent.Resumed resumed) {
        DeskWorkOrder workOrder = target(resumed);
        if (workOrder == null) {
            return;
        }
        if (workOrder.state != WorkOrderState.WAITING_ON_CUSTOMER) {
            refuse(resumed, "Resumed", "work order " + workOrder.id + " is " + workOrder.state
                    + ", not waiting on the customer");
            return;
        }
        // An after-hours call's clock never starts before the opening, even when it waited on the customer.
        workOrder.resolution.restart(Math.max(state.nowMs, workOrder.callbackAtMs));
        workOrder.state = working(workOrder.tier);
        state.changed(workOrder, resumed.actor(), AuditAction.RESUMED, resumed.reason(),
                WorkOrderState.WAITING_ON_CUSTOMER, workOrder.tier);
    }

    void resolve(DeskEvent.Resolved resolved) {
        if (blank(resolved.resolution())) {
            refuse(resolved, "Resolved", "resolving needs the resolution");
            return;
        }
        DeskWorkOrder workOrder = open(resolved);
        if (workOrder != null) {
            resolveFor(workOrder, resolved.actor(), resolved.resolution());
        }
    }

    /** Resolves an open work order with {@code resolution} (a person's, or the engineer's DONE). */
    void resolveFor(DeskWorkOrder workOrder, Actor actor, String resolution) {
        WorkOrderState from = workOrder.state;
        if (workOrder.respondedAtMs == DeskWorkOrder.NONE) {
            // The resolution reaches the customer: that is the response when nobody had responded yet.
            calls.respond(workOrder);
        }
        workOrder.resolution.stop(workOrder.calendar, state.nowMs);
        workOrder.resolvedAtMs = state.nowMs;
        workOrder.resolutionText = resolution;
        workOrder.state = WorkOrderState.RESOLVED;
        state.changed(workOrder, actor, AuditAction.RESOLVED, resolution, from, workOrder.tier);
    }

    void close(DeskEvent.Closed closed) {
        DeskWorkOrder workOrder = target(closed);
        if (workOrder == null) {
            return;
        }
        if (workOrder.state != WorkOrderState.RESOLVED) {
            refuse(closed, "Closed", "work order " + workOrder.id + " is " + workOrder.state
                    + ": only a resolved work order is closed");
            return;
        }
        closeFor(workOrder, closed.actor(), closed.reason());
    }

    /** Closes a resolved work order (a person's closure, or the field leg's with the score as reason). */
    void closeFor(DeskWorkOrder workOrder, Actor actor, String reason) {
        workOrder.closedAtMs = state.nowMs;
        workOrder.state = WorkOrderState.CLOSED;
        state.changed(workOrder, actor, AuditAction.CLOSED, reason, WorkOrderState.RESOLVED, workOrder.tier);
        state.scheduleRelease(workOrder);
    }

    void reopen(DeskEvent.Reopened reopened) {
        if (blank(reopened.reason())) {
            refuse(reopened, "Reopened", "a reopen needs a reason");
            return;
        }
        DeskWorkOrder workOrder = target(reopened);
        if (workOrder == null) {
            return;
        }
        WorkOrderState from = workOrder.state;
        if (from != WorkOrderState.RESOLVED && from != WorkOrderState.CLOSED) {
            refuse(reopened, "Reopened", "work order " + workOrder.id + " is " + from
                    + ": only a resolved or closed work order is reopened");
            return;
        }
        long until = state.reopenableUntilMs(workOrder);
        if (state.nowMs > until) {
            refuse(reopened, "Reopened", "the reopen window of work order " + workOrder.id + " ended at "
                    + Instant.ofEpochMilli(until));
            return;
        }
        workOrder.resolvedAtMs = DeskWorkOrder.NONE;
        workOrder.closedAtMs = DeskWorkOrder.NONE;
        workOrder.reopens++;
        workOrder.resolution.restart(state.nowMs);
        workOrder.state = working(workOrder.tier);
        state.changed(workOrder, reopened.actor(), AuditAction.REOPENED, reopened.reason(), from, workOrder.tier);
    }

    void reassign(DeskEvent.OwnerReassigned reassigned) {
        if (blank(reassigned.ownerSeatId())) {
            refuse(reassigned, "OwnerReassigned", "a new owner must be named");
            return;
        }
        DeskWorkOrder workOrder = open(reassigned);
        if (workOrder == null) {
            return;
        }
        if (reassigned.ownerSeatId().equals(workOrder.owner)) {
            refuse(reassigned, "OwnerReassigned", reassigned.ownerSeatId() + " owns work order " + workOrder.id
                    + " already");
            return;
        }
        workOrder.owner = reassigned.ownerSeatId();
        state.changed(workOrder, reassigned.actor(), AuditAction.OWNER_REASSIGNED, reassigned.reason(),
                workOrder.state, workOrder.tier);
    }

    /**
     * A person wrote the work order's form: what is given replaces (blank clears), {@code null} keeps. Allowed
     * while resolved (notes written after the solution), refused once closed or cancelled, and when nothing
     * changes; the audit's reason names the fields that changed.
     */
    void details(DeskEvent.DetailsChanged changed) {
        DeskWorkOrder workOrder = target(changed);
        if (workOrder == null) {
            return;
        }
        if (workOrder.state.isTerminal()) {
            refuse(changed, "DetailsChanged", "work order " + workOrder.id + " is " + workOrder.state
                    + ": its details can no longer change");
            return;
        }
        if (changed.productLine() != null && changed.productLine().isBlank()) {
            refuse(changed, "DetailsChanged", "a product line is a skill code: it cannot be cleared");
            return;
        }
        String category = edited(workOrder.category, changed.category());
        String productLine = edited(workOrder.problem.productLine(), changed.productLine());
        String summary = edited(workOrder.summary, changed.summary());
        String notes = edited(workOrder.notes, changed.notes());
        StringJoiner fields = new StringJoiner(", ");
        addIfChanged(fields, "category", workOrder.category, category);
        addIfChanged(fields, "product line", workOrder.problem.productLine(), productLine);
        addIfChanged(fields, "summary", workOrder.summary, summary);
        addIfChanged(fields, "notes", workOrder.notes, notes);
        if (fields.length() == 0) {
            refuse(changed, "DetailsChanged", "that changes nothing on work order " + workOrder.id);
            return;
        }
        CustomerProblem problem = workOrder.problem;
        workOrder.problem = new CustomerProblem(problem.contactNumber(), problem.customerId(),
                problem.contractLevel(), productLine);
        workOrder.category = category;
        workOrder.summary = summary;
        workOrder.notes = notes;
        state.changed(workOrder, changed.actor(), AuditAction.DETAILS_CHANGED, "changed " + fields, workOrder.state,
                workOrder.tier);
    }

    /** The field after an edit: {@code null} keeps it, blank clears it. */
    private static String edited(String current, String given) {
        if (given == null) {
            return current;
        }
        return given.isBlank() ? null : given;
    }

    private static void addIfChanged(StringJoiner fields, String name, String before, String after) {
        if (!Objects.equals(before, after)) {
            fields.add(name);
        }
    }
}
