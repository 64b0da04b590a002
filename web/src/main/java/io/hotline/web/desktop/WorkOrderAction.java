package io.hotline.web.desktop;

import io.hotline.routing.desk.Actor;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.Severity;
import java.time.Instant;
import java.util.Objects;

/**
 * What a person asks to do to a work order from the desktop; the backend hands it to the service desk (or, for a
 * live call, to routing) and answers with the work order after the change or the refusal. Immutable.
 */
public sealed interface WorkOrderAction {

    /** The work order acted on. */
    long workOrderId();

    /** Who acts: the agent's seat, or the supervisor. */
    Actor actor();

    /**
     * Updates fields; {@code null} leaves a field as it is. A severity change needs a reason.
     *
     * @param category    the category, or {@code null}
     * @param productLine the product line's skill code, or {@code null}
     * @param severity    the new severity, or {@code null}
     * @param summary     the summary, or {@code null}
     * @param notes       the notes, or {@code null}
     * @param reason      why (required with a severity), or {@code null}
     */
    record Update(long workOrderId, Actor actor, String category, String productLine, Severity severity,
                  String summary, String notes, String reason) implements WorkOrderAction {
        public Update {
            Objects.requireNonNull(actor, "actor");
        }
    }

    /**
     * Escalates to {@code to}; when the caller is still on the line, the live call moves to that tier's queue.
     *
     * @param site the customer's site, only (and required) for {@link Tier#ON_SITE}
     */
    record Escalate(long workOrderId, Actor actor, Tier to, String reason, String site) implements WorkOrderAction {
        public Escalate {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Moves the live call sideways to {@code queue}. */
    record Transfer(long workOrderId, Actor actor, String queue, String reason) implements WorkOrderAction {
        public Transfer {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Resolves with {@code resolution}; {@code articleTitle} (with its symptoms) asks for a knowledge-base article
     * written from it, or is {@code null}.
     */
    record Resolve(long workOrderId, Actor actor, String resolution, String articleTitle, String articleSymptoms)
            implements WorkOrderAction {
        public Resolve {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(resolution, "resolution");
        }
    }

    /** The work order waits on the customer. */
    record Waiting(long workOrderId, Actor actor, String reason) implements WorkOrderAction {
        public Waiting {
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** Work resumes after waiting on the customer. */
    record Resume(long workOrderId, Actor actor, String reason) implements WorkOrderAction {
        public Resume {
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** Another seat owns the work order (a supervisor's decision). */
    record Reassign(long workOrderId, Actor actor, String seatId, String reason) implements WorkOrderAction {
        public Reassign {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(seatId, "seatId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A callback promised to the customer: Hotline calls {@code number} back at {@code at}, on this work order.
     *
     * @param note what the seat noted for it, or {@code null}
     */
    record ScheduleCallback(long workOrderId, Actor actor, Instant at, String number, String note)
            implements WorkOrderAction {
        public ScheduleCallback {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(number, "number");
        }
    }
}
