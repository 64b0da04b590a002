package io.hotline.routing.engine;

/**
 * A call as the engine sees it right now.
 *
 * @param callId the call
 * @param phase  waiting, offered or connected
 * @param queue  its queue
 * @param step   the name of the relaxation step in force (while waiting)
 * @param seatId the seat it is offered to or connected with, or {@code null}
 */
public record CallStatus(String callId, CallPhase phase, String queue, String step, String seatId) {
}
