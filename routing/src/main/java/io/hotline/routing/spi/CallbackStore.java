package io.hotline.routing.spi;

import java.time.Instant;

/**
 * Records callbacks promised to callers, tied to their work order (and so to its SLA clock). Blocks on I/O:
 * call it from a blocking executor. Thread-safe.
 */
public interface CallbackStore {

    /**
     * Records a callback to {@code phoneNumber} for {@code workOrderId}, due at {@code dueAt}.
     *
     * @return the callback's id, or -1 when the work order does not exist
     */
    long requestCallback(long workOrderId, String phoneNumber, Instant requestedAt, Instant dueAt);
}
