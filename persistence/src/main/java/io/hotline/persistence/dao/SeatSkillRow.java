package io.hotline.persistence.dao;

/**
 * A {@code seat_skill} row: how well a seat knows a skill. Immutable.
 *
 * @param seatId      the seat
 * @param skillId     the skill
 * @param proficiency 1 (basic) to 5 (expert)
 */
public record SeatSkillRow(long seatId, long skillId, int proficiency) {

    public SeatSkillRow {
        if (proficiency < 1 || proficiency > 5) {
            throw new IllegalArgumentException("proficiency must be 1 to 5: " + proficiency);
        }
    }
}
