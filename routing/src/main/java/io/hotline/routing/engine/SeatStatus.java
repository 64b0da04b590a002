package io.hotline.routing.engine;

import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.DeviceState;
import io.hotline.routing.seat.SeatState;

/**
 * A seat as the engine sees it right now.
 *
 * @param seatId the seat
 * @param tier   its tier
 * @param state  its state
 * @param device its softphone's state
 * @param callId the call it is offered or connected to, or {@code null}
 * @param reason the not-ready reason, or {@code null}
 */
public record SeatStatus(String seatId, Tier tier, SeatState state, DeviceState device, String callId,
                         String reason) {
}
