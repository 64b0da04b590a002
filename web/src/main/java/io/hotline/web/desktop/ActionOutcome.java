package io.hotline.web.desktop;

import java.util.Objects;

/**
 * How a work-order action ended: changed (with the work order after it), refused by the engine (with its words),
 * or about a work order that is not open. Immutable.
 *
 * @param result    which
 * @param reason    the refusal's words, or {@code null}
 * @param workOrder the work order after the change, or {@code null}
 */
public record ActionOutcome(Result result, String reason, WorkOrderView workOrder) {

    /** The kinds of outcome. */
    public enum Result {
        /** Applied. */
        CHANGED,
        /** The engine refused it and changed nothing. */
        REFUSED,
        /** No such open work order. */
        NOT_FOUND
    }

    public ActionOutcome {
        Objects.requireNonNull(result, "result");
        if (result == Result.CHANGED) {
            Objects.requireNonNull(workOrder, "workOrder");
        }
        if (result == Result.REFUSED) {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Applied; {@code after} is the work order now. */
    public static ActionOutcome changed(WorkOrderView after) {
        return new ActionOutcome(Result.CHANGED, null, after);
    }

    /** Refused, for {@code why}. */
    public static ActionOutcome refused(String why) {
        return new ActionOutcome(Result.REFUSED, why, null);
    }

    /** No such open work order. */
    public static ActionOutcome notFound() {
        return new ActionOutcome(Result.NOT_FOUND, null, null);
    }
}
