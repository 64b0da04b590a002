package io.hotline.app;

import io.hotline.persistence.calls.JdbiCallbackStore;
import io.hotline.persistence.calls.JdbiSurveyStore;
import io.hotline.persistence.outbox.DurableRoutingJournal;
import io.hotline.persistence.workorder.JdbiWorkOrderStore;
import io.hotline.routing.spi.CallbackStore;
import io.hotline.routing.spi.SurveyStore;
import io.hotline.routing.spi.WorkOrderStore;
import io.hotline.routing.workorder.CallWorkOrderRequest;
import io.hotline.routing.workorder.FallbackHandoff;
import io.hotline.routing.workorder.OpenedWorkOrder;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * The stores as the FastAGI scripts see them: work orders, callbacks and survey scores written to the database at
 * once, and, when it does not answer (or, for a caller routed during an outage, the work order id is not known
 * yet), written later through the routing journal's outbox by the call's linkedid, in order behind the call's
 * work order. So callers are routed, and nothing they are promised or say is lost, through a database outage.
 * Thread-safe (every part is).
 */
final class DeferringStores implements WorkOrderStore, CallbackStore, SurveyStore {
    private final JdbiWorkOrderStore workOrders;
    private final JdbiCallbackStore callbacks;
    private final JdbiSurveyStore surveys;
    private final DurableRoutingJournal journal;

    DeferringStores(JdbiWorkOrderStore workOrders, JdbiCallbackStore callbacks, JdbiSurveyStore surveys,
                    DurableRoutingJournal journal) {
        this.workOrders = workOrders;
        this.callbacks = callbacks;
        this.surveys = surveys;
        this.journal = journal;
    }

    @Override
    public OpenedWorkOrder openForCall(CallWorkOrderRequest request) {
        return workOrders.openForCall(request);
    }

    @Override
    public CompletionStage<Boolean> openLater(CallWorkOrderRequest request) {
        return journal.workOrderRequested(request);
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
