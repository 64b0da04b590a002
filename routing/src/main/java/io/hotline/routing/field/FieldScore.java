package io.hotline.routing.field;

/**
 * The automatic score of a closed dispatch, out of 100: the customer's satisfaction, the engineer's arrival
 * against the appointment, and each deadline met or missed. A part that could not be measured (the customer never
 * reached) is left out and the rest scaled to 100. Immutable.
 *
 * @param total        0 to 100
 * @param satisfaction the satisfaction part (of 50), or {@code null} when the customer was never reached
 * @param punctuality  the arrival part (of 20)
 * @param deadlines    the deadlines part (of 30): acknowledged by the first branch in time, assigned in time,
 *                     completed before the work order's resolution due time
 */
public record FieldScore(int total, Integer satisfaction, int punctuality, int deadlines) {
    public FieldScore {
        if (total < 0 || total > 100) {
            throw new IllegalArgumentException("a score is 0 to 100: " + total);
        }
    }
}
