package io.hotline.routing.desk;

/** The points of a clock at which the owner and the supervisor are warned, each once per work order and clock. */
public enum WarningLevel {
    /** Half of the target used. */
    HALF(50),
    /** Three quarters used. */
    THREE_QUARTERS(75),
    /** The target is breached. */
    BREACH(100);

    private final int percent;

    WarningLevel(int percent) {
        this.percent = percent;
    }

    /** The share of the target at which it fires. */
    public int percent() {
        return percent;
    }

    /** This level's bit in a fired-levels mask. */
    int bit() {
        return 1 << ordinal();
    }
}
