package io.hotline.app.loop;

import java.util.Objects;

/**
 * How an {@link EngineLoop} runs: the name of its thread, as thread dumps, logs and health show it, and the most
 * events it applies between two snapshots. Immutable; validated on creation.
 *
 * @param threadName the loop thread's name, e.g. {@code routing-engine}; not blank
 * @param maxBatch   the most events applied between two snapshots; positive
 */
public record EngineLoopConfig(String threadName, int maxBatch) {

    /** Validates both settings. */
    public EngineLoopConfig {
        Objects.requireNonNull(threadName, "threadName");
        if (threadName.isBlank()) {
            throw new IllegalArgumentException("threadName must not be blank");
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be positive: " + maxBatch);
        }
    }
}
