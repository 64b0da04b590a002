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

    /**
     * Records the callback once the database answers, on the work order of call {@code callId} (its linkedid):
     * for a callback chosen while the database is away, or by a caller routed during an outage, whose work order
     * id is not known yet. Durable (it survives a restart) and never blocks. Returns false when this store cannot
     * defer (it says so itself: there is no default): the callback is then not promised.
     */
    boolean requestCallbackLater(String callId, String phoneNumber, Instant requestedAt, Instant dueAt);
}
