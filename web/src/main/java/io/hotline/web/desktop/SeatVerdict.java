package io.hotline.web.desktop;

/**
 * Routing's answer to a seat request. Immutable.
 *
 * @param accepted whether routing applied it
 * @param reason   why it was refused, {@code null} when accepted
 * @param seat     the seat after it, or {@code null} when not known
 */
public record SeatVerdict(boolean accepted, String reason, SeatCard seat) {
}
