package io.hotline.benchmarks.routing;

import java.time.Instant;
import java.time.InstantSource;

/** A clock the benchmark moves by hand, in milliseconds. Confined to the benchmark thread. */
final class SteppedClock implements InstantSource {
    private long millis;

    SteppedClock(Instant start) {
        this.millis = start.toEpochMilli();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }

    // The engine reads millis() on every event: no Instant allocated per event.
    @Override
    public long millis() {
        return millis;
    }

    void advance(long byMillis) {
        millis += byMillis;
    }
}
