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

    /**
     * Records the score once the database answers, on the work order of call {@code callId} (its linkedid): for a
     * score keyed while the database is away, or by a caller routed during an outage, whose work order id is not
     * known yet. Durable (it survives a restart) and never blocks. Returns false when this store cannot defer (it
     * says so itself: there is no default): the score is then not recorded.
     */
    boolean recordIvrScoreLater(String callId, int score, Instant at);
}
