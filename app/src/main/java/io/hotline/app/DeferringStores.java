package io.hotline.app;

import io.hotline.persistence.calls.JdbiCallbackStore;
import io.hotline.persistence.calls.JdbiSurveyStore;
import io.hotline.persistence.outbox.DurableRoutingJournal;
import io.hotline.routing.spi.CallRecords;
import io.hotline.routing.spi.CallbackStore;
import io.hotline.routing.spi.SurveyStore;
import io.hotline.routing.workorder.FallbackHandoff;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * The stores as the FastAGI scripts see them: callbacks and survey scores written to the database at once, and,
 * when it does not answer (or the work order id is not known: the route script leaves it to the service desk),
 * written later through the routing journal's outbox by the call's linkedid, in order behind what routing recorded
 * of the call; the fallback hand-offs through the journal too, and the journal says when what it was handed is on
 * disk. So callers are routed, and nothing they are promised or say is lost, through a database outage.
 * Thread-safe (every part is).
 */
final class DeferringStores implements CallRecords, CallbackStore, SurveyStore {
    private final JdbiCallbackStore callbacks;
    private final JdbiSurveyStore surveys;
    private final DurableRoutingJournal journal;

    DeferringStores(JdbiCallbackStore callbacks, JdbiSurveyStore surveys, DurableRoutingJournal journal) {
        this.callbacks = callbacks;
        this.surveys = surveys;
        this.journal = journal;
    }

    @Override
    public CompletionStage<Boolean> durable() {
        return journal.whenLogged();
    }

    @Override
    public void handedToFallback(FallbackHandoff handoff) {
        // Through the journal: durable, never blocks, and written after the work order it names.
        journal.handedToFallback(handoff);
    }

    @Override
    public long requestCallback(long workOrderId, String phoneNumber, Instant requestedAt, Instant dueAt) {
        return callbacks.requestCallback(workOrderId, phoneNumber, requestedAt, dueAt);
    }

    @Override
    public boolean requestCallbackLater(String callId, String phoneNumber, Instant requestedAt, Instant dueAt) {
        journal.callbackRequested(callId, phoneNumber, requestedAt, dueAt);
        return true;
    }

    @Override
    public boolean recordIvrScore(long workOrderId, int score, Instant at) {
        return surveys.recordIvrScore(workOrderId, score, at);
    }

    @Override
    public boolean recordIvrScoreLater(String callId, int score, Instant at) {
        journal.surveyAnswered(callId, score, at);
        return true;
    }
}
