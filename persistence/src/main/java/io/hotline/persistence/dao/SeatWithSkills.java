package io.hotline.persistence.dao;

import java.util.Map;
import java.util.Objects;

/**
 * A seat with its skills, as routing loads it at start. Immutable.
 *
 * @param seat   the seat
 * @param skills proficiency (1-5) by skill code; unordered, empty when the seat has none
 */
public record SeatWithSkills(SeatRow seat, Map<String, Integer> skills) {

    public SeatWithSkills {
        Objects.requireNonNull(seat, "seat");
        skills = Map.copyOf(skills);
    }
}
