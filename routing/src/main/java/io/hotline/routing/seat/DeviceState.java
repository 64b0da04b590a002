package io.hotline.routing.seat;

/**
 * The seat's softphone as the PBX reports it (AMI device and contact state). A seat is offered calls only when
 * its device {@link #canTakeCall() can take one}: a phone that is unreachable, ringing or in use never is.
 */
public enum DeviceState {
    /** Nothing known yet (no AMI, or no event since start): treated as able to take a call. */
    UNKNOWN,
    /** Registered and idle. */
    NOT_IN_USE,
    /** Ringing. */
    RINGING,
    /** On a call (possibly one Hotline did not route). */
    IN_USE,
    /** Not registered or not reachable. */
    UNAVAILABLE;

    /** Whether a call may be offered to a seat whose device is in this state. */
    public boolean canTakeCall() {
        return this == UNKNOWN || this == NOT_IN_USE;
    }
}
