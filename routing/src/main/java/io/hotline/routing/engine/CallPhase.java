package io.hotline.routing.engine;

/** Where a call is in the engine. A call the engine no longer knows is gone. */
public enum CallPhase {
    /** In queue, keeping its place. */
    WAITING,
    /** A seat's phone is ringing for it. */
    OFFERED,
    /** Talking to a seat. */
    CONNECTED
}
