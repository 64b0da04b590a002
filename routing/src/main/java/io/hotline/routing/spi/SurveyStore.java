package io.hotline.routing.spi;

import java.time.Instant;

/**
 * Records satisfaction scores on work orders. Blocks on I/O: call it from a blocking executor. Thread-safe.
 */
public interface SurveyStore {

    /**
     * Records the caller's post-call IVR score (1-5) on the work order.
     *
     * @return false when the work order does not exist
     */
    boolean recordIvrScore(long workOrderId, int score, Instant at);
}
