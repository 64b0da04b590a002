package io.hotline.routing.desk;

import io.hotline.routing.engine.Handoff;
import io.hotline.routing.field.FieldEvent;
import io.hotline.routing.field.Site;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.Severity;
import java.util.Objects;

/**
 * Everything the service desk reacts to: what happened to calls (from the call engine, named by their linkedid),
 * what seats and supervisors did on their desktops (the desk applies it or refuses it with a
 * {@link DeskCommand.Refused}), and time passing ({@link Tick}). Immutable.
 */
public sealed interface DeskEvent {

    /** The id of the work order a person acted on. */
    interface OnWorkOrder {
        long workOrderId();

        Actor actor();
    }

    /** A call entered Hotline: it gets its one work order (a second arrival of the same call is refused). */
    record CallArrived(CallKey call, CustomerProblem problem, Severity severity) implements DeskEvent {
        public CallArrived {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(severity, "severity");
        }
    }

    /** A seat answered the call: the first human contact (the response), and the seat owns the work order. */
    record CallConnected(CallKey call, String seatId) implements DeskEvent {
        public CallConnected {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(seatId, "seatId");
        }
    }

    /** The conversation of the call ended. */
    record CallEnded(CallKey call) implements DeskEvent {
        public CallEnded {
            Objects.requireNonNull(call, "call");
        }
    }

    /**
     * The caller left before a seat answered: the call's work order (opened now if the call had none) becomes
     * callback work.
     */
    record CallAbandoned(CallKey call, CustomerProblem problem, Severity severity) implements DeskEvent {
        public CallAbandoned {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(severity, "severity");
        }
    }

    /**
     * The caller left the queue handed to something else that serves them, not abandoned: a callback they chose
     * while waiting (callback work from now), the after-hours message (callback work from the hotline's next
     * opening), or the dialplan's fallback queue (people outside Hotline serve the call: nothing to call back, and
     * the clocks go on, for nobody in Hotline has responded). A call without work order gets one.
     */
    record CallHandedOff(CallKey call, CustomerProblem problem, Severity severity, Handoff handoff)
            implements DeskEvent {
        public CallHandedOff {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(handoff, "handoff");
        }
    }

    /**
     * The seat on the live call moved it to another queue (its blind transfer, or the escalation asked from the
     * desktop). When the queue's first tier is above the work order's, the work order is escalated there, with the
     * reason; otherwise the call was transferred sideways and the work order stays on its tier (the move is
     * audited). Needs a reason, like every escalation.
     *
     * @param call   the call
     * @param seatId the seat that moved it, or {@code null} when routing did
     * @param queue  the queue the call went to
     * @param toTier the first tier that queue routes to, or {@code null} when not known (then one rung up)
     * @param reason why
     */
    record CallEscalated(CallKey call, String seatId, String queue, Tier toTier, String reason) implements DeskEvent {
        public CallEscalated {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(queue, "queue");
        }
    }

    /** A seat or supervisor opened a work order for an e-mail or a walk-in. */
    record OpenedByHand(Actor actor, Origin origin, CustomerProblem problem, Severity severity, String summary)
            implements DeskEvent {
        public OpenedByHand {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(severity, "severity");
        }
    }

    /** A person reached the customer another way (a callback, an e-mail reply): a human contact. */
    record CustomerContacted(long workOrderId, Actor actor, String how) implements DeskEvent, OnWorkOrder {
        public CustomerContacted {
            Objects.requireNonNull(actor, "actor");
        }
    }

    /**
     * Up the ladder, with a reason: one rung when no target is named, else to the named rung, which must be above
     * the work order's. Naming {@code ON_SITE} needs the customer's site (the address the engineer goes to), kept
     * on the work order; the site is refused for any other rung. The one-rung form from {@code REMOTE} reaches
     * {@code ON_SITE} without a site, as it always did (the keypad's and routing's escalations know none).
     *
     * @param workOrderId the work order
     * @param actor       who escalates (a seat or a supervisor)
     * @param reason      why; not blank
     * @param to          the rung to go to, or {@code null} for the next one up
     * @param site        where the on-site engineer goes (the address, and where known the customer's location and
     *                    region, which choose the branch): required when {@code to} is {@code ON_SITE}, allowed
     *                    when the next rung is, {@code null} otherwise
     */
    record Escalated(long workOrderId, Actor actor, String reason, Tier to, Site site)
            implements DeskEvent, OnWorkOrder {
        public Escalated {
            Objects.requireNonNull(actor, "actor");
        }

        /** One rung up, no site named (the keypad's and routing's escalation). */
        public Escalated(long workOrderId, Actor actor, String reason) {
            this(workOrderId, actor, reason, null, null);
        }
    }

    /**
     * A person wrote the work order's form: each field given replaces the work order's, {@code null} leaves it as
     * it is, a blank one clears it (the product line cannot be cleared: a blank one is refused). Refused on a
     * closed or cancelled work order, and when it changes nothing.
     *
     * @param workOrderId the work order
     * @param actor       who wrote it (a seat or a supervisor)
     * @param category    the category, or {@code null}
     * @param productLine the product line's skill code, or {@code null}
     * @param summary     the summary, or {@code null}
     * @param notes       the notes, or {@code null}
     */
    record DetailsChanged(long workOrderId, Actor actor, String category, String productLine, String summary,
                          String notes) implements DeskEvent, OnWorkOrder {
        public DetailsChanged {
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** Another severity: the due times are recomputed. */
    record SeverityChanged(long workOrderId, Actor actor, Severity severity, String reason)
            implements DeskEvent, OnWorkOrder {
        public SeverityChanged {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(severity, "severity");
        }
    }

    /** The work order waits on the customer: its resolution clock pauses. */
    record WaitingOnCustomer(long workOrderId, Actor actor, String reason) implements DeskEvent, OnWorkOrder {
        public WaitingOnCustomer {
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** Work resumes after waiting on the customer: the resolution clock runs again. */
    record Resumed(long workOrderId, Actor actor, String reason) implements DeskEvent, OnWorkOrder {
        public Resumed {
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** Solved; needs the resolution text, which the work order keeps (a reopen keeps it until the next one). */
    record Resolved(long workOrderId, Actor actor, String resolution) implements DeskEvent, OnWorkOrder {
        public Resolved {
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** Closed after resolution (the customer's rating, when given, is the reason). */
    record Closed(long workOrderId, Actor actor, String reason) implements DeskEvent, OnWorkOrder {
        public Closed {
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** Reopened within the reopen window; needs a reason. */
    record Reopened(long workOrderId, Actor actor, String reason) implements DeskEvent, OnWorkOrder {
        public Reopened {
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** Another seat owns the work order. */
    record OwnerReassigned(long workOrderId, Actor actor, String ownerSeatId, String reason)
            implements DeskEvent, OnWorkOrder {
        public OwnerReassigned {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(ownerSeatId, "ownerSeatId");
        }
    }

    /** A step of the field leg (acknowledge, assign, appointment, SMS check-in, follow-up, placing by hand). */
    record Field(FieldEvent event) implements DeskEvent {
        public Field {
            Objects.requireNonNull(event, "event");
        }
    }

    /** Time passed: warnings due by the desk's clock fire, and closed work orders past their window are released. */
    record Tick() implements DeskEvent {
    }
}
