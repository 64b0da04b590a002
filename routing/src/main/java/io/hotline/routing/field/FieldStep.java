package io.hotline.routing.field;

import io.hotline.routing.desk.Actor;
import java.time.Instant;
import java.util.Objects;

/**
 * One step in a dispatch order's trail (sent, re-dispatched, acknowledged, assigned, arrived, ...), appended in
 * order. Immutable.
 *
 * @param workOrderId the dispatch order (its work order's id)
 * @param sequence    1 for the first step, then 2, ...
 * @param at          when
 * @param actor       who (the desk itself for deadlines)
 * @param step        what happened, a stable upper-case name ({@code SENT}, {@code REDISPATCHED}, ...)
 * @param detail      the particulars in words (the branch and distance, the engineer, the SMS text), or
 *                    {@code null}
 */
public record FieldStep(long workOrderId, int sequence, Instant at, Actor actor, String step, String detail) {
    public FieldStep {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(step, "step");
    }
}
