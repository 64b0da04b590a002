package io.hotline.persistence.dao;

import io.hotline.routing.seat.SeatState;
import java.time.Instant;
import java.util.Objects;

/**
 * A seat's last state as routing decided it (table {@code seat_state}), written by the routing journal.
 * Immutable.
 *
 * @param seatCode the seat's staff code
 * @param state    its state
 * @param reason   the not-ready reason, or {@code null}
 * @param since    since when it has been in that state (and reason)
 */
public record SeatStateRow(String seatCode, SeatState state, String reason, Instant since) {

    public SeatStateRow {
        Objects.requireNonNull(seatCode, "seatCode");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
    }
}
