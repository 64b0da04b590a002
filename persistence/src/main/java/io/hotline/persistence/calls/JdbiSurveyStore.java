package io.hotline.persistence.calls;

import io.hotline.persistence.dao.ActorKind;
import io.hotline.persistence.dao.SurveyChannel;
import io.hotline.persistence.dao.SurveyDao;
import io.hotline.persistence.dao.SurveyOutcome;
import io.hotline.persistence.dao.SurveyResult;
import io.hotline.persistence.dao.WorkOrderEventDao;
import io.hotline.persistence.dao.WorkOrderEventRow;
import io.hotline.routing.spi.SurveyStore;
import java.math.BigDecimal;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Records post-call IVR scores on the work order, with an audit event, in one transaction. Thread-safe. */
public final class JdbiSurveyStore implements SurveyStore {
    private final Jdbi jdbi;

    public JdbiSurveyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean recordIvrScore(long workOrderId, int score, Instant at) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("a score is 1-5, not " + score);
        }
        return jdbi.inTransaction(handle -> {
            if (!WorkOrders.exists(handle, workOrderId)) {
                return false;
            }
            recordIn(handle, workOrderId, score, at);
            return true;
        });
    }

    /**
     * This store writes at once and keeps no log of its own, so it cannot defer: false, the score is not
     * recorded. Hotline defers through the routing journal ({@code DeferringStores} in app).
     */
    @Override
    public boolean recordIvrScoreLater(String callId, int score, Instant at) {
        return false;
    }

    /**
     * Inside the caller's transaction: the answered IVR survey on an existing work order and its {@code SURVEYED}
     * event. Also used by the outbox for scores recorded after an outage.
     */
    public static void recordIn(Handle handle, long workOrderId, int score, Instant at) {
        SurveyDao surveys = handle.attach(SurveyDao.class);
        long survey = surveys.schedule(workOrderId, null, SurveyChannel.IVR, at);
        surveys.recordResult(survey, new SurveyResult(SurveyOutcome.ANSWERED, score, BigDecimal.valueOf(score),
                null, "ivr", at));
        handle.attach(WorkOrderEventDao.class).append(new WorkOrderEventRow(0, workOrderId, at,
                ActorKind.CUSTOMER, "ivr", "SURVEYED", null, null, null, null, "post-call score " + score + "/5"));
    }
}
